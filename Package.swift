// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "duban",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "duban", targets: ["duban"]),
        .executable(name: "duban-bench", targets: ["duban-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // A plan in PostgreSQL (issue 15): the DubanPostgres adapter.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // ncursesw through pkg-config; Debian's libncursesw5-dev provides it.
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // XXH3 (Debian's libxxhash-dev): the fingerprint of a plan's bytes the journal
        // records (ContentHash, issue 16: FNV-1a took 14% of a 100k open's CPU).
        .systemLibrary(
            name: "CXXHash",
            path: "Sources/CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        // The model, the file format and every rule. Foundation (and XXH3) only: no
        // terminal code.
        .target(name: "DubanCore", dependencies: ["CXXHash"], path: "Sources/DubanCore"),
        // Synthetic plans (PlanGenerator): `duban generate`, the benchmark and the tests;
        // not part of the product library.
        .target(name: "DubanSynthetic", dependencies: ["DubanCore"], path: "Sources/DubanSynthetic"),
        // Notice text -> Plan.
        .target(name: "DubanImport", dependencies: ["DubanCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Sources/DubanImport",
                resources: [.copy("Resources")]),
        // Spreadsheets both ways (issue 14): .xlsx and .csv written and read, returned sheets merged.
        .target(name: "DubanSheets",
                dependencies: [
                    "DubanCore",
                    .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                    .product(name: "XMLCoder", package: "XMLCoder"),
                    .product(name: "CSV", package: "CSV.swift"),
                ],
                path: "Sources/DubanSheets"),
        // Canvas, layout, panes, keymap, themes and the terminal backends.
        .target(name: "DubanTUI", dependencies: ["DubanCore", "DubanImport", "CNcursesw"], path: "Sources/DubanTUI",
                swiftSettings: [.swiftLanguageMode(.v5)]),
        // The 通报 writers: .md, .txt and .docx (WordprocessingML with a DrawingML chart).
        .target(name: "DubanBulletin",
                dependencies: ["DubanCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Sources/DubanBulletin"),
        // A plan in PostgreSQL (issue 15): schema and roles, push and pull, one edit one
        // transaction, LISTEN/NOTIFY. Implements DubanCore's SharedPlan; only the command
        // line (which installs SharedPlans.opener) and its tests depend on it.
        .target(name: "DubanPostgres",
                dependencies: ["DubanCore", .product(name: "PostgresNIO", package: "postgres-nio")],
                path: "Sources/DubanPostgres",
                swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(name: "DubanPostgresTests", dependencies: ["DubanPostgres", "DubanCore", "DubanSynthetic", "DubanImport", "DubanTestSupport"],
                    path: "Tests/DubanPostgresTests"),
        // The thin command line.
        .executableTarget(
            name: "duban",
            dependencies: [
                "DubanCore", "DubanImport", "DubanTUI", "DubanSheets", "DubanBulletin", "DubanSynthetic", "DubanPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/duban",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // The benchmark: `make bench` (release build).
        .executableTarget(
            name: "duban-bench",
            dependencies: ["DubanCore", "DubanImport", "DubanTUI", "DubanSheets", "DubanSynthetic",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                           // issue 15 (pgdb): --only db
                           "DubanPostgres"],
            path: "Sources/duban-bench",
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // What the test targets share, one copy: the fixture plans, the snapshot check, the
        // tmux harness and the process runner. A plain target used only by the tests.
        .target(name: "DubanTestSupport", dependencies: ["DubanCore", "DubanTUI"], path: "Tests/DubanTestSupport",
                swiftSettings: [.swiftLanguageMode(.v5)]),
        .testTarget(name: "DubanCoreTests", dependencies: ["DubanCore", "DubanSynthetic", "DubanTestSupport"], path: "Tests/DubanCoreTests"),
        .testTarget(name: "DubanSheetsTests", dependencies: ["DubanSheets", "DubanCore", "DubanImport", "DubanTestSupport"],
                    path: "Tests/DubanSheetsTests"),
        .testTarget(name: "DubanBulletinTests", dependencies: ["DubanBulletin", "DubanCore", "DubanTestSupport"], path: "Tests/DubanBulletinTests"),
        .testTarget(name: "DubanImportTests", dependencies: ["DubanImport", "DubanCore", "DubanTestSupport",
                                                             .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Tests/DubanImportTests"),
        // Runs the built `duban` binary as a user would.
        .testTarget(name: "DubanCLITests", dependencies: ["DubanCore", "DubanTestSupport"], path: "Tests/DubanCLITests"),
        // issue 15, pgtui: DubanPostgres for the tmux test of two dashboards on one database
        // (the DubanTUI target itself never depends on it).
        .testTarget(name: "DubanTUITests", dependencies: ["DubanTUI", "DubanCore", "DubanImport", "DubanSynthetic", "DubanTestSupport",
                                                          "DubanPostgres"], path: "Tests/DubanTUITests",
                    exclude: ["Snapshots"]),
        // The child the kill test (ReliabilityKillTests) kills while it saves.
        .executableTarget(name: "duban-savetest", dependencies: ["DubanCore"], path: "Sources/duban-savetest"),
    ]
)
