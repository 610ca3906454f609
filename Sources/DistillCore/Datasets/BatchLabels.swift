/// The labels of a batch's rows in order: `labels[examples[i]]`. A collection of our own rather
/// than `examples.lazy.map { labels[$0] }`, whose closure is called out of line for every label
/// of every batch; this one's iterator inlines into the loops that read it.
struct BatchLabels: RandomAccessCollection {
    let examples: ArraySlice<Int>
    let labels: [Int]

    var startIndex: Int { 0 }
    var endIndex: Int { examples.count }
    subscript(position: Int) -> Int { labels[examples[examples.startIndex + position]] }
}
