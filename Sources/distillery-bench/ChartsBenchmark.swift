import ArgumentParser
import Charts
import Foundation

/// Milliseconds per 1600×1000 PNG figure for the set a report uses: 10 line charts (3 series of
/// 200 points, legend, axis titles) and 10 grouped bar charts (3 classes × 4 temperatures).
/// `benchmarks/matplotlib_charts.py` draws the same figures with matplotlib.
struct ChartsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "charts", abstract: "Time rendering the figures of a report.")

    @OptionGroup var options: BenchmarkOptions

    @Option(help: "How many times to render the whole set of 20 figures.")
    var repeats = 5

    func run() throws {
        let lines = (0..<10).map(Self.lineChart)
        let bars = (0..<10).map(Self.barChart)
        var lineTimes = [Double](), barTimes = [Double]()
        var bytes = 0
        for _ in 0..<repeats {
            for chart in lines {
                let start = nanoseconds()
                bytes += try chart.renderPNG().count
                lineTimes.append(Double(nanoseconds() - start) / 1e6)
            }
            for chart in bars {
                let start = nanoseconds()
                bytes += try chart.renderPNG().count
                barTimes.append(Double(nanoseconds() - start) / 1e6)
            }
        }
        let all = lineTimes + barTimes
        if options.json {
            print(#"{"unit":"milliseconds per figure, median","line":\#(median(lineTimes)),"bar":\#(median(barTimes)),"all":\#(median(all)),"figures":\#(all.count),"mean_png_bytes":\#(bytes / all.count)}"#)
        } else {
            print("Distillery charts, 1600×1000 PNG, median ms per figure over \(repeats) rounds of 20")
            print(String(format: "line chart (3×200 points)   %8.2f", median(lineTimes)))
            print(String(format: "grouped bars (3×4)          %8.2f", median(barTimes)))
            print(String(format: "all figures                 %8.2f", median(all)))
        }
    }

    static func lineChart(_ index: Int) -> LineChart {
        let epochs = (1...200).map(Double.init)
        let series = (0..<3).map { s in
            LineSeries(name: ["teacher", "student", "distilled"][s], x: epochs,
                       y: epochs.map { 0.05 * Double(s + 1) + (1 + 0.1 * Double(index)) * exp(-$0 / (20 + 5 * Double(s))) })
        }
        return LineChart(title: "Loss \(index + 1)", xTitle: "Epoch", yTitle: "Cross-entropy", series: series)
    }

    static func barChart(_ index: Int) -> GroupedBarChart {
        let logits = [3.0 + Double(index) * 0.2, 1.0, 0.2]
        let series = [1.0, 2.0, 5.0, 10.0].map { t -> BarSeries in
            let e = logits.map { exp($0 / t) }
            let sum = e.reduce(0, +)
            return BarSeries(name: "T = \(Int(t))", values: e.map { $0 / sum })
        }
        return GroupedBarChart(title: "Soft targets \(index + 1)", xTitle: "Class", yTitle: "Probability",
                               groups: ["class 0", "class 1", "class 2"], series: series, yRange: 0...1)
    }
}
