/// duban's version, printed by `duban --version` and written in docs/duban.1: raised by
/// hand with each release (see DECISIONS.md, "Version and manual page").
enum DubanVersion {
    static let string = "0.12.0"
}
