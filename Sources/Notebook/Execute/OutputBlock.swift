/// What a directive shows in the report. The Report module turns these into HTML; directives
/// never write files or HTML themselves.
public enum OutputBlock: Sendable {
    case figure(Figure)
    case table(Table)
    /// Files offered for download (written under `data/`).
    case downloads([Download])
    /// The directive failed (a build with `--keep-going`): the message, shown in its place.
    case failure(String)
}

/// A file of data the report offers for download, e.g. "data/student.csv".
public struct Download: Sendable {
    /// Name of the file under `data/`.
    public let fileName: String
    public let bytes: [UInt8]
    /// What the file holds, shown beside the link ("metrics per seed and epoch").
    public let description: String

    public init(fileName: String, bytes: [UInt8], description: String) {
        self.fileName = fileName
        self.bytes = bytes
        self.description = description
    }
}

/// A numbered figure: a PNG image with its caption.
public struct Figure: Sendable {
    /// Name of the image file under `figures/`, e.g. "teacher_loss.png".
    public let fileName: String
    public let png: [UInt8]
    /// Display size in CSS pixels (the PNG has twice as many pixels each way).
    public let width: Int
    public let height: Int
    public let caption: String
    public let alt: String

    public init(fileName: String, png: [UInt8], width: Int, height: Int, caption: String, alt: String) {
        self.fileName = fileName
        self.png = png
        self.width = width
        self.height = height
        self.caption = caption
        self.alt = alt
    }
}

/// A numbered table of already formatted cells.
public struct Table: Sendable, Codable {
    public enum Alignment: String, Sendable, Codable { case leading, trailing }

    public let caption: String
    public let header: [String]
    public let rows: [[String]]
    /// One per column: numbers read best right-aligned.
    public let alignments: [Alignment]

    public init(caption: String, header: [String], rows: [[String]], alignments: [Alignment]? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.alignments = alignments ?? header.map { _ in .leading }
    }
}
