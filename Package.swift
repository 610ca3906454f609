// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Distillery",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "distillery", targets: ["distillery"]),
        .executable(name: "distillery-bench", targets: ["distillery-bench"]),
        // The chapter front end as a library, for the fuzzing package in Fuzz/.
        .library(name: "DistilleryFrontEnd", targets: ["Notebook", "Report", "Directives"]),
    ],
    dependencies: [
        // YAML for directive options: a solved problem, with source marks for diagnostics.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The CLI's commands and options.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // DistillCore's matrix-product kernels, one build per instruction set, chosen at run time
        // (Swift cannot compile a function for AVX and keep a baseline copy beside it).
        .target(name: "CMatrixKernels"),
        .target(
            name: "DistillCore",
            dependencies: ["CMatrixKernels"],
            resources: [.copy("Resources")]
        ),
        // zlib: our own PNG encoder (Cairo's writer, through libpng's adaptive filters, took
        // most of a chart's time).
        .target(name: "Charts", dependencies: ["CCairo", "CZlib"]),
        // SHA-256 for cache keys, entry checksums and source fingerprints.
        .target(name: "Digest"),
        .target(name: "Notebook", dependencies: ["CMark", "Yams", "Digest"]),
        .target(name: "Report", dependencies: ["Notebook", "CMark", "Digest"]),
        .target(name: "Directives", dependencies: ["Notebook", "Report", "DistillCore", "Charts"]),
        .executableTarget(
            name: "distillery",
            dependencies: [
                "Directives", "Notebook", "Report",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["SourceFingerprints"]
        ),
        // The fingerprint of each module's sources, generated at build time for the cache keys.
        .plugin(name: "SourceFingerprints", capability: .buildTool(), dependencies: ["fingerprint-sources"]),
        .executableTarget(name: "fingerprint-sources", dependencies: ["Digest"]),
        .executableTarget(
            name: "distillery-bench",
            dependencies: ["DistillCore", "Charts", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "DistillCoreTests", dependencies: ["DistillCore", "Digest"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "CCairo"], exclude: ["Golden"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Digest"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Notebook"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["distillery", "Directives", "DistillCore"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
