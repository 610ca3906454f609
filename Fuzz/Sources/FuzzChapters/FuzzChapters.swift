import Directives
import Notebook
import Report

/// One input: the bytes are a chapter. It is parsed (directives, options, inline values,
/// cross-references, math), planned against the real vocabulary and rendered with no results,
/// as `distillery check` and the renderer would; mistakes must come back as diagnostics. A
/// crash, a hang or a sanitizer report is a defect.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChapter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let book = Book(settings: BookSettings(title: "Fuzz"),
                    chapters: [Chapter(displayPath: "chapters/01-fuzz.md", slug: "01-fuzz", source: text)])
    guard let parsed = try? ParsedBook(book) else { return 0 }
    guard let plan = try? BuildPlan(parsed, registry: distilleryDirectives) else { return 0 }
    _ = try? ReportRenderer.render(plan, results: [:])
    return 0
}
