import Testing
@testable import Charts

@Suite struct BarSmallMultiplesTests {
    func panel(_ title: String, _ first: [Double], _ second: [Double]) -> BarPanel {
        BarPanel(title: title, series: [BarSeries(name: "T = 1", values: first), BarSeries(name: "T = 4", values: second)])
    }

    @Test func stacksOnePanelPerExampleAtTheRequestedSize() throws {
        let chart = BarSmallMultiples(xTitle: "Class", yTitle: "Probability", groups: ["a", "b", "c"],
                                      panels: [panel("one", [0.9, 0.05, 0.05], [0.5, 0.3, 0.2]), panel("two", [0.1, 0.8, 0.1], [0.3, 0.4, 0.3])],
                                      yRange: 0...1, size: Size(width: 800, height: 520))
        let image = try #require(DecodedPNG(try chart.renderPNG()))
        #expect(image.width == 1600 && image.height == 1040)
        #expect(image.distinctColors > 20)
        #expect(try chart.renderPNG() == chart.renderPNG())
    }

    @Test func refusesMismatchedBarsAndPanelsTooSmall() {
        let bad = BarSmallMultiples(groups: ["a", "b"], panels: [panel("x", [1], [1, 2])], yRange: 0...1, size: Size(width: 800, height: 400))
        #expect(throws: ChartError.self) { try bad.renderPNG() }
        let cramped = BarSmallMultiples(groups: ["a"], panels: (0..<10).map { panel("\($0)", [0.5], [0.5]) }, yRange: 0...1,
                                        size: Size(width: 800, height: 300))
        #expect(throws: ChartError.self) { try cramped.renderPNG() }
    }
}
