/// The notice the review tests share (DubanImportTests' ReviewCorrectionTests, DubanTUITests'
/// ReviewScreenTests and ReviewEndToEndTests): one the importer gets partly wrong. The
/// signature 某市人民政府 (line 15) becomes a co-unit of task 5, and item 4 (line 12) has no
/// units of its own.
public enum ReviewNotice {
    public static let signed = """
    某市人民政府关于印发2020年重点工作任务分解的通知
    各区人民政府，市政府各部门：
    现将2020年重点工作任务分解印发给你们，请认真贯彻落实。
    一、稳增长
    1.全年地区生产总值增长6%左右。
    责任单位：市发展改革委、市统计局
    2.实施重点项目100个，完成投资200亿元。
    责任单位：市发展改革委、市财政局
    二、惠民生
    3.新增城镇就业2万人。
    责任单位：市人力资源社会保障局
    4.新建幼儿园10所。
    5.改造老旧小区30个，6月底前完成。
    责任单位：市住房城乡建设局
    某市人民政府
    2020年3月1日
    """
}
