// swift-tools-version: 6.1
import PackageDescription

// A libFuzzer target over the chapter front end (Markdown with directives, YAML options, inline
// values, math, cross-references): parse, plan and render, never train. Built apart from the
// main package because it must be compiled with -sanitize=fuzzer; scripts/fuzz.sh builds and
// runs it.
let package = Package(
    name: "DistilleryFuzz",
    // A dynamic library, linked into the fuzzer by scripts/fuzz.sh: libFuzzer brings its own
    // main, which an executable target of SwiftPM would replace with the target's.
    products: [.library(name: "FuzzChapters", type: .dynamic, targets: ["FuzzChapters"])],
    dependencies: [.package(name: "Distillery", path: "..")],
    targets: [
        .target(
            name: "FuzzChapters",
            dependencies: [.product(name: "DistilleryFrontEnd", package: "Distillery")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
