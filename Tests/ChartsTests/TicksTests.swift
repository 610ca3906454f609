import Testing
@testable import Charts

@Suite struct TicksTests {
    @Test func heckbertTicksEncloseTheData() {
        let ticks = NiceTicks(minimum: 0.13, maximum: 1.07)
        #expect(ticks.step == 0.2)
        #expect(ticks.lower == 0 && abs(ticks.upper - 1.2) < 1e-12)
        #expect(ticks.values.count == 7)
    }

    @Test func labelsCarryNoFloatNoise() {
        let ticks = NiceTicks(minimum: 0, maximum: 1)
        let format = TickFormatter(ticks: ticks)
        #expect(ticks.values.map(format.string) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(TickFormatter(step: 0.1, largestMagnitude: 1).string(0.30000000000000004) == "0.3")
    }

    @Test func extremeMagnitudesUseScientificNotation() {
        #expect(TickFormatter(step: 1e-5, largestMagnitude: 1e-4).string(1e-4) == "1e-4")
        #expect(TickFormatter(step: 5e5, largestMagnitude: 2.5e6).string(2.5e6) == "2.5e6")
    }

    @Test func constantRangeIsWidened() {
        let ticks = NiceTicks(minimum: 3, maximum: 3)
        #expect(ticks.lower < 3 && ticks.upper > 3)
    }
}

@Suite struct AxisLabelTests {
    @Test func logTicksAreDecadesOrOneTwoFive() {
        #expect(LogTicks(minimum: 2e-4, maximum: 3).values == [1e-4, 1e-3, 1e-2, 1e-1, 1, 10])
        #expect(LogTicks(minimum: 0.3, maximum: 7).values == [0.1, 0.2, 0.5, 1, 2, 5, 10])
    }

    @Test func logLabelsUsePowersOfTenOutsideEverydayRange() {
        #expect(AxisScale.powerOfTenLabel(1e-4) == "10⁻⁴")
        #expect(AxisScale.powerOfTenLabel(2e3) == "2×10³")
        #expect(AxisScale.decimalLabel(0.05) == "0.05")
        let labels = AxisScale.logarithmic(LogTicks(minimum: 1e-3, maximum: 5)).ticks.map(\.label)
        #expect(labels == ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"])
    }

    @Test func freedmanDiaconisBins() {
        // 1…100: IQR = 49.5 (type-7 quantiles), width 2·49.5/100^(1/3) ≈ 21.33, so ⌈99 / 21.33⌉ = 5 bins.
        let edges = Binning.freedmanDiaconis.edges(for: (1...100).map(Double.init))
        #expect(edges.count == 6 && edges.first == 1 && edges.last == 100)
        #expect(Binning.counts((1...100).map(Double.init), edges: edges).reduce(0, +) == 100)
        // No spread between the quartiles: Sturges' rule, ⌈log₂ 8⌉ + 1 = 4 bins.
        #expect(Binning.freedmanDiaconis.edges(for: [1, 1, 1, 1, 1, 1, 1, 9]).count == 5)
        #expect(Binning.count(3).edges(for: [2, 2]) == [1.5, 2.5])
    }

    @Test func heatmapTextContrastsWithItsCell() {
        #expect(Heatmap.readableText(on: Color(hex: 0x08306B)) == Color(hex: 0xFFFFFF))
        #expect(Heatmap.readableText(on: Color(hex: 0xF7FBFF)) == Color(hex: 0x111111))
    }
}
