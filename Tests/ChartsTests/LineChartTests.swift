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

@Suite struct ChartInputTests {
    @Test func everyKindRejectsBadInput() {
        #expect(throws: ChartError.self) { try GroupedBarChart(groups: ["a"], series: [BarSeries(name: "s", values: [1, 2])]).renderPNG() }
        #expect(throws: ChartError.self) { try GroupedBarChart(groups: ["a"], series: [BarSeries(name: "s", values: [.nan])]).renderPNG() }
        #expect(throws: ChartError.self) { try Histogram(series: [HistogramSeries(name: "h", values: [])]).renderPNG() }
        #expect(throws: ChartError.self) { try Histogram(series: [HistogramSeries(name: "h", values: [1, -.infinity])]).renderPNG() }
        #expect(throws: ChartError.self) {
            try PointRangeChart(series: [PointRangeSeries(name: "p", x: [1], center: [1], lower: [], upper: [1])]).renderPNG()
        }
        #expect(throws: ChartError.self) {
            try Heatmap(rowLabels: ["a", "b"], columnLabels: ["a"], values: [[1]]).renderPNG()
        }
        #expect(throws: ChartError.nonPositiveOnLogScale(series: "s")) {
            try LineChart(series: [LineSeries(name: "s", x: [1, 2], y: [1, 0])], logarithmicY: true).renderPNG()
        }
        #expect(throws: ChartError.invalidSize(width: 10, height: 10)) {
            try LineChart(series: [LineSeries(name: "s", x: [1], y: [1])], size: Size(width: 10, height: 10)).renderPNG()
        }
    }

    /// Extreme magnitudes, negative values, a single point: the chart still draws, and its
    /// labels fit (the plot area keeps a sensible share of the canvas).
    @Test(arguments: [1e-6, 1e6, -3.5e5, 0.5])
    func extremeValuesStillDraw(scale: Double) throws {
        let series = [LineSeries(name: "a", x: [0, 1, 2], y: [1, 2, 3].map { $0 * scale }),
                      LineSeries(name: "b", x: [0, 1, 2], y: [3, 1, 2].map { $0 * scale })]
        let image = try #require(DecodedPNG(try LineChart(xTitle: "x", yTitle: "y", series: series).renderPNG()))
        #expect(image.width == 1600 && image.height == 1000)
        let bars = GroupedBarChart(groups: ["g1", "g2"], series: [BarSeries(name: "s", values: [scale, -scale])], valueLabels: true)
        #expect(DecodedPNG(try bars.renderPNG()) != nil)
    }
}
