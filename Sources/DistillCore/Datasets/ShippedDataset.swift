import Foundation

/// The data sets shipped with the package as resources (see Resources/README.md for sources).
public enum ShippedDataset: String, Sendable, CaseIterable {
    case iris
    case wine
    case breastCancer = "breast_cancer"
    case digits

    /// Loads the data set from the package's resources.
    public func load() throws -> Dataset {
        let fileName = "\(rawValue).csv"
        guard let url = Bundle.module.url(forResource: rawValue, withExtension: "csv", subdirectory: "Resources") else {
            throw DataFileError(file: fileName, "the shipped data file is missing from the package resources")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try ShippedDatasetFormat.parse(text, fileName: fileName, name: rawValue, featureNames: featureNames)
    }

    var featureNames: [String] {
        switch self {
        case .iris:
            ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]
        case .wine:
            ["alcohol", "malic acid", "ash", "alcalinity of ash", "magnesium", "total phenols", "flavanoids",
             "nonflavanoid phenols", "proanthocyanins", "color intensity", "hue", "OD280/OD315", "proline"]
        case .breastCancer:
            ["mean", "standard error", "worst"].flatMap { statistic in
                ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity",
                 "concave points", "symmetry", "fractal dimension"].map { "\($0) (\(statistic))" }
            }
        case .digits:
            (0..<64).map { "pixel \($0 / 8),\($0 % 8)" }
        }
    }
}

/// The layout of the shipped CSV files: a header `n,d,class0,class1,…`, then n rows of d
/// feature values followed by the class index.
enum ShippedDatasetFormat {
    static func parse(_ text: String, fileName: String, name: String, featureNames: [String]) throws -> Dataset {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next()?.split(separator: ","), header.count >= 3,
              let count = Int(header[0]), let width = Int(header[1]) else {
            throw DataFileError(file: fileName, line: 1, "expected a header 'examples,features,class names…'")
        }
        guard width == featureNames.count else {
            throw DataFileError(file: fileName, line: 1, "header says \(width) features, expected \(featureNames.count)")
        }
        let classNames = header.dropFirst(2).map(String.init)
        var values = [Float]()
        values.reserveCapacity(count * width)
        var labels = [Int]()
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == width + 1 else {
                throw DataFileError(file: fileName, line: lineNumber, "expected \(width + 1) fields, found \(fields.count)")
            }
            for field in fields.dropLast() {
                guard let value = Float(field) else {
                    throw DataFileError(file: fileName, line: lineNumber, "'\(field)' is not a number")
                }
                values.append(value)
            }
            guard let label = Int(fields[width]), classNames.indices.contains(label) else {
                throw DataFileError(file: fileName, line: lineNumber, "'\(fields[width])' is not a class index")
            }
            labels.append(label)
        }
        guard labels.count == count else {
            throw DataFileError(file: fileName, "header says \(count) examples, found \(labels.count)")
        }
        return Dataset(name: name, features: Matrix<Float>(rows: count, columns: width, values: values),
                       labels: labels, featureNames: featureNames, classNames: classNames)
    }
}
