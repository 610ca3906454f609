import Foundation
import Testing
@testable import Charts

/// Each chart kind drawn from fixed data and compared with a reviewed image in Golden/.
/// Pixels may differ by a small tolerance (antialiasing across library builds); on a
/// mismatch the new image is written beside the golden as `<name>.actual.png` for a person to
/// compare. `UPDATE_GOLDEN=1 swift test --filter GoldenImageTests` rewrites the goldens.
@Suite struct GoldenImageTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func check(_ name: String, _ png: [UInt8]) throws {
        let golden = Self.goldenFolder.appendingPathComponent("\(name).png")
        let actualURL = Self.goldenFolder.appendingPathComponent("\(name).actual.png")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(png).write(to: golden)
            return
        }
        let expected = try #require(DecodedPNG([UInt8](try Data(contentsOf: golden))), "missing golden \(golden.path)")
        let actual = try #require(DecodedPNG(png))
        let matches = actual.width == expected.width && actual.height == expected.height
            && actual.differingPixels(from: expected, tolerance: 8) <= actual.pixels.count / 1000
        if matches {
            try? FileManager.default.removeItem(at: actualURL)
        } else {
            try Data(png).write(to: actualURL)
        }
        #expect(matches, "\(name) differs from its golden image; see \(actualURL.path)")
    }

    static let epochs = (1...200).map(Double.init)
    static func curve(_ scale: Double, _ floor: Double) -> [Double] { epochs.map { floor + scale * exp(-$0 / 30) } }

    @Test func lineChartWithBands() throws {
        let series = [("teacher", 1.0, 0.05), ("student", 1.2, 0.2), ("distilled", 1.1, 0.15)].map { name, scale, floor in
            LineSeries(name: name, x: Self.epochs, y: Self.curve(scale, floor),
                       band: (Self.curve(scale, floor).map { $0 * 0.92 }, Self.curve(scale, floor).map { $0 * 1.08 }))
        }
        try check("line", LineChart(title: "Test loss", xTitle: "Epoch", yTitle: "Cross-entropy", series: series).renderPNG())
    }

    @Test func lineChartOnALogScale() throws {
        let series = [LineSeries(name: "train", x: Self.epochs, y: Self.epochs.map { 2 * exp(-$0 / 25) + 1e-4 }),
                      LineSeries(name: "test", x: Self.epochs, y: Self.epochs.map { 2.2 * exp(-$0 / 30) + 3e-3 })]
        try check("line-log", LineChart(title: "Loss", xTitle: "Epoch", yTitle: "Loss", series: series, logarithmicY: true).renderPNG())
    }

    @Test func groupedBarsOfSoftTargets() throws {
        let logits = [5.0, 2.0, 0.0]
        let series = [1.0, 2.0, 5.0, 10.0].map { t -> BarSeries in
            let e = logits.map { exp($0 / t) }
            let sum = e.reduce(0, +)
            return BarSeries(name: "T = \(Int(t))", values: e.map { $0 / sum })
        }
        try check("bars", GroupedBarChart(title: "Soft targets", xTitle: "Class", yTitle: "Probability",
                                          groups: ["setosa", "versicolor", "virginica"], series: series,
                                          valueLabels: true, yRange: 0...1).renderPNG())
    }

    static func maxProbabilities(_ sharpness: Double, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<300).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(state >> 11) / Double(1 << 53)
            return 1 / 3 + (2.0 / 3) * pow(u, 1 / sharpness)
        }
    }

    @Test func histogramSmallMultiples() throws {
        let series = [(1.0, 8.0), (4.0, 2.0), (10.0, 0.7)].map { t, sharpness in
            HistogramSeries(name: "T = \(Int(t))", values: Self.maxProbabilities(sharpness, seed: UInt64(t)))
        }
        try check("histogram", Histogram(title: "Teacher's largest probability", xTitle: "Max probability",
                                         series: series).renderPNG())
    }

    @Test func histogramOverlaid() throws {
        let series = [HistogramSeries(name: "T = 1", values: Self.maxProbabilities(8, seed: 1)),
                      HistogramSeries(name: "T = 4", values: Self.maxProbabilities(1.5, seed: 2))]
        try check("histogram-overlaid", Histogram(xTitle: "Max probability", series: series, binning: .count(20),
                                                  layout: .overlaid).renderPNG())
    }

    @Test func pointRangeOverNumericAndCategoricalX() throws {
        let temperatures = [1.0, 2, 4, 8, 16]
        let numeric = PointRangeChart(title: "Sweep", xTitle: "Temperature", yTitle: "Test accuracy", series: [
            PointRangeSeries(name: "α = 0.5", x: temperatures, center: [0.95, 0.955, 0.96, 0.958, 0.95],
                             lower: [0.94, 0.947, 0.952, 0.95, 0.94], upper: [0.96, 0.963, 0.968, 0.966, 0.96]),
            PointRangeSeries(name: "α = 0.9", x: temperatures, center: [0.948, 0.957, 0.963, 0.961, 0.955],
                             lower: [0.938, 0.949, 0.956, 0.952, 0.946], upper: [0.958, 0.965, 0.97, 0.97, 0.964]),
        ])
        try check("pointrange", numeric.renderPNG())
        let categorical = PointRangeChart(xTitle: "Student", yTitle: "Accuracy", categories: ["64-8-10", "64-16-10", "64-32-10"], series: [
            PointRangeSeries(name: "hard labels", x: [0, 1, 2], center: [0.93, 0.95, 0.96], lower: [0.92, 0.94, 0.955], upper: [0.94, 0.96, 0.965]),
            PointRangeSeries(name: "distilled", x: [0, 1, 2], center: [0.935, 0.953, 0.962], lower: [0.925, 0.945, 0.957], upper: [0.945, 0.961, 0.967]),
        ])
        try check("pointrange-categorical", categorical.renderPNG())
    }

    @Test func confusionMatrixHeatmap() throws {
        let counts: [[Double]] = [[10, 0, 0], [0, 9, 1], [0, 2, 8]]
        let names = ["setosa", "versicolor", "virginica"]
        try check("heatmap", Heatmap(title: "Confusion matrix", xTitle: "Predicted", yTitle: "True",
                                     rowLabels: names, columnLabels: names, values: counts).renderPNG())
    }
}

extension DecodedPNG {
    /// Pixels where some channel differs by more than `tolerance` (of 255).
    func differingPixels(from other: DecodedPNG, tolerance: Int) -> Int {
        zip(pixels, other.pixels).filter { a, b in
            (0..<4).contains { shift in abs(Int((a >> (8 * UInt32(shift))) & 0xFF) - Int((b >> (8 * UInt32(shift))) & 0xFF)) > tolerance }
        }.count
    }
}
