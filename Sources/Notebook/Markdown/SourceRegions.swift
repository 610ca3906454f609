extension MarkdownDocument {
    /// The literal regions of a document (code, raw HTML), which do not overlap, sorted, for
    /// asking whether a position lies in one: a binary search, not a walk over all of them.
    public struct SourceRegions: Sendable {
        private let regions: [SourceRegion]

        public init(_ regions: [SourceRegion]) {
            self.regions = regions.sorted { ($0.startLine, $0.startColumn) < ($1.startLine, $1.startColumn) }
        }

        /// Whether the 1-based byte `column` of `line` lies in a region.
        public func contains(line: Int, column: Int) -> Bool {
            var low = 0, high = regions.count  // the first region starting after the point
            while low < high {
                let middle = (low + high) / 2
                if (regions[middle].startLine, regions[middle].startColumn) <= (line, column) { low = middle + 1 } else { high = middle }
            }
            return low > 0 && regions[low - 1].contains(line: line, column: column)
        }
    }
}
