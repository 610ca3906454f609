import Testing
@testable import Charts

@Suite struct LineChartTests {
    let curve = LineSeries(name: "train", x: (1...50).map(Double.init), y: (1...50).map { 1 / Double($0) })

    @Test func pngDecodesAtTwiceThePointSize() throws {
        let png = try LineChart(title: "Loss", xTitle: "Epoch", yTitle: "Loss", series: [curve]).renderPNG()
        let image = try #require(DecodedPNG(png))
        #expect(image.width == 1600 && image.height == 1000)
        #expect(image.distinctColors > 20)  // lines, text and antialiasing, not a blank canvas
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let chart = LineChart(series: [curve, LineSeries(name: "test", x: curve.x, y: curve.y.map { $0 * 1.1 })])
        #expect(try chart.renderPNG() == chart.renderPNG())
    }

    @Test func nanLeavesAGapButDrawsTheRest() throws {
        var gappy = curve
        gappy.y[10] = .nan
        let image = try #require(DecodedPNG(try LineChart(series: [gappy]).renderPNG()))
        #expect(image.width == 1600)
    }

    @Test func badInputThrowsInsteadOfDrawing() {
        #expect(throws: ChartError.noData(chart: "line chart")) { try LineChart(series: []).renderPNG() }
        #expect(throws: ChartError.mismatchedLengths(series: "s", detail: "2 x values but 1 y values")) {
            try LineChart(series: [LineSeries(name: "s", x: [1, 2], y: [1])]).renderPNG()
        }
        #expect(throws: ChartError.noFiniteValues(series: "s")) {
            try LineChart(series: [LineSeries(name: "s", x: [1, 2], y: [.nan, .nan])]).renderPNG()
        }
        #expect(throws: ChartError.infiniteValue(series: "s")) {
            try LineChart(series: [LineSeries(name: "s", x: [1, 2], y: [1, .infinity])]).renderPNG()
        }
    }

    @Test func singlePointAndConstantSeriesDraw() throws {
        #expect(DecodedPNG(try LineChart(series: [LineSeries(name: "one", x: [3], y: [0.5])]).renderPNG()) != nil)
        #expect(DecodedPNG(try LineChart(series: [LineSeries(name: "flat", x: [1, 2, 3], y: [2, 2, 2])]).renderPNG()) != nil)
    }
}
