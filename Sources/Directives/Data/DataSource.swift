import DistillCore
import Foundation
import Notebook

/// Where a directive's examples come from: a shipped data set, a CSV file inside the project,
/// or a `{dataset}` directive.
enum DataSource: Sendable, Hashable {
    case shipped(ShippedDataset)
    /// A project-relative path and the name of the label column.
    case csv(path: String, labelColumn: String)
    /// The name of a {dataset} directive.
    case dataset(String)

    static let shippedNames = ShippedDataset.allCases.map(\.rawValue)

    static let dataOption = OptionSpec.required(
        "data", .oneOf([.choice(shippedNames), .path(extensions: [".csv"]), .reference(kinds: ["dataset"])]),
        "A shipped data set (\(shippedNames.joined(separator: ", "))), a project-relative .csv file, or the name of a {dataset} directive.")
    static let labelOption = OptionSpec.optional("label", .text, "For a CSV file: the name of the column holding the class.")

    init(_ options: DirectiveOptions) throws {
        let name = options.get("data", as: String.self)
        let label = options.optional("label", as: String.self)
        if let shipped = ShippedDataset(rawValue: name) {
            self = .shipped(shipped)
        } else if name.hasSuffix(".csv") {
            guard let label else { throw Diagnostic(at: options.location, "\(options.subject) needs the option 'label' to read '\(name)'") }
            self = .csv(path: name, labelColumn: label)
            return
        } else {
            self = .dataset(name)
        }
        if label != nil { throw options.error("label", "'label' applies to CSV files only") }
    }

    /// The {dataset} this source names, as a dependency.
    static func dependency(_ options: DirectiveOptions) -> [Dependency] {
        guard let reference = options.reference("data"), ShippedDataset(rawValue: reference.name) == nil,
              !reference.name.hasSuffix(".csv") else { return [] }
        return [reference]
    }

    /// Loads a shipped or CSV data set; a malformed CSV file is reported at its own file and line.
    /// - Parameter classNames: number the classes as the training file does (for a test file).
    func load(in files: ProjectFiles, classNames: [String]? = nil) throws -> Dataset {
        switch self {
        case .shipped(let dataset):
            return try dataset.load()
        case let .csv(path, labelColumn):
            return try Self.readCSV(path, label: labelColumn, in: files, classNames: classNames)
        case .dataset(let name):
            preconditionFailure("{dataset} \(name) is read from its result, not loaded")
        }
    }

    static func readCSV(_ path: String, label: String, in files: ProjectFiles, classNames: [String]? = nil) throws -> Dataset {
        let bytes = try files.bytes(of: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(at: TextCheck.firstInvalidUTF8(bytes, file: path), "the file is not UTF-8 text")
        }
        do {
            return try CSVDataset.parse(text, fileName: path, labelColumn: label, classNames: classNames)
        } catch let error as DataFileError {
            throw error.diagnostic
        }
    }

    var name: String {
        switch self {
        case .shipped(let dataset): dataset.rawValue
        case .csv(let path, _): path
        case .dataset(let name): name
        }
    }
}

extension DataFileError {
    /// The error as a diagnostic at the data file's own line (its first when unknown).
    var diagnostic: Diagnostic { Diagnostic(at: SourceLocation(file: file, line: line ?? 1, column: column ?? 1), message) }
}
