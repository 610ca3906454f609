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
