import DistillCore
import Foundation
import Notebook

/// Where a directive's examples come from: a shipped data set, or a CSV file inside the project.
enum DataSource: Sendable, Hashable {
    case shipped(ShippedDataset)
    /// A project-relative path and the name of the label column.
    case csv(path: String, labelColumn: String)

    static let options = [
        OptionDoc("data", "A shipped data set (iris, wine, breast_cancer, digits) or a project-relative path to a CSV file."),
        OptionDoc("label", "For a CSV file: the name of the column holding the class."),
    ]

    init(_ options: DirectiveOptions) throws {
        let name = try options.required("data", options.string)
        if name.hasSuffix(".csv") {
            guard ProjectPath.isInside(name) else {
                throw options.error("data", "the data file must be a path inside the project, like data/flowers.csv")
            }
            self = .csv(path: name, labelColumn: try options.required("label", options.string))
            return
        }
        guard let shipped = ShippedDataset(rawValue: name) else {
            let known = ShippedDataset.allCases.map(\.rawValue)
            throw options.error("data", "unknown data set '\(name)'\(didYouMean(name, among: known)); "
                                + "use one of \(known.joined(separator: ", ")) or a .csv file")
        }
        if options.contains("label") { throw options.error("label", "'label' applies to CSV files only") }
        self = .shipped(shipped)
    }

    /// Loads the examples; a malformed CSV file is reported at its own file and line.
    func load(in projectDirectory: URL) throws -> Dataset {
        switch self {
        case .shipped(let dataset):
            return try dataset.load()
        case let .csv(path, labelColumn):
            let bytes = try ProjectPath.read(path, in: projectDirectory)
            do {
                return try CSVDataset.parse(String(decoding: bytes, as: UTF8.self), fileName: path, labelColumn: labelColumn)
            } catch let error as DataFileError {
                throw error.diagnostic
            }
        }
    }

    var name: String {
        switch self {
        case .shipped(let dataset): dataset.rawValue
        case .csv(let path, _): path
        }
    }
}

extension DataFileError {
    /// The error as a diagnostic at the data file's own line (its first when unknown).
    var diagnostic: Diagnostic { Diagnostic(at: SourceLocation(file: file, line: line ?? 1), message) }
}
