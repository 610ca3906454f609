import Testing
@testable import DistillCore

@Suite struct DatasetTests {
    /// FNV-1a over every feature's bit pattern and every label: changes if one value changes.
    func checksum(_ dataset: Dataset) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ value: UInt64) { hash = (hash ^ value) &* 0x100_0000_01B3 }
        dataset.features.values.forEach { mix(UInt64($0.bitPattern)) }
        dataset.labels.forEach { mix(UInt64($0)) }
        return hash
    }

    @Test(arguments: [
        (ShippedDataset.iris, 150, 4, [50, 50, 50], 0xD953_C69B_607B_89FD as UInt64),
        (.wine, 178, 13, [59, 71, 48], 0x704B_4DAA_B2C5_1F14),
        (.breastCancer, 569, 30, [212, 357], 0x542D_E233_8A6E_0BE5),
        (.digits, 1797, 64, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180], 0xC8DE_95C0_D9E8_6285),
    ])
    func shippedDataSets(dataset: ShippedDataset, rows: Int, columns: Int, classCounts: [Int], expectedChecksum: UInt64) throws {
        let data = try dataset.load()
        #expect(data.features.rows == rows && data.features.columns == columns)
        #expect(data.classCounts == classCounts)
        #expect(data.featureNames.count == columns)
        #expect(checksum(data) == expectedChecksum)
    }

    @Test func irisColumnMeansMatchTheDocumentedSummary() throws {
        let iris = try ShippedDataset.iris.load()
        let means = (0..<4).map { c in (0..<150).reduce(0.0) { $0 + Double(iris.features[$1, c]) } / 150 }
        #expect(isApproximatelyEqual(means, [5.843, 3.057, 3.758, 1.199], absolute: 1e-3))
    }

    // Test-set sizes at a 20% split (scikit-learn's ⌈0.2 n⌉): Iris 30, Wine 36, Breast Cancer 114, Digits 360.
    @Test(arguments: [(ShippedDataset.iris, 30), (.wine, 36), (.breastCancer, 114), (.digits, 360)])
    func testSetSizes(dataset: ShippedDataset, expected: Int) throws {
        let data = try dataset.load()
        #expect(StratifiedSplit(labels: data.labels, testFraction: 0.2, seed: 0).testIndices.count == expected)
    }

    @Test func stratifiedSplitKeepsClassSharesAndIsSeeded() throws {
        let wine = try ShippedDataset.wine.load()
        let split = StratifiedSplit(labels: wine.labels, testFraction: 0.2, seed: 3)
        #expect(wine.subset(split.testIndices).classCounts == [12, 14, 10])
        #expect(Set(split.trainIndices).isDisjoint(with: split.testIndices))
        #expect(split.trainIndices.count + split.testIndices.count == 178)
        #expect(split == StratifiedSplit(labels: wine.labels, testFraction: 0.2, seed: 3))
        #expect(split != StratifiedSplit(labels: wine.labels, testFraction: 0.2, seed: 4))
    }

    @Test func droppedClassesAndTrainFractionOnlyAffectTheTrainingSplit() throws {
        let digits = try ShippedDataset.digits.load()
        let full = PreparedData(digits, recipe: .init(dataset: "digits"))
        let noThrees = PreparedData(digits, recipe: .init(dataset: "digits", droppedClasses: [3]))
        #expect(noThrees.train.classCounts[3] == 0)
        #expect(noThrees.test == full.test)
        #expect(noThrees.standardizer == full.standardizer)
        let tenth = PreparedData(digits, recipe: .init(dataset: "digits", trainFraction: 0.1))
        // ⌈10% of the training split⌉, each class within one of its exact share.
        #expect(tenth.train.exampleCount == Int((Double(full.train.exampleCount) * 0.1).rounded(.up)))
        for (kept, all) in zip(tenth.train.classCounts, full.train.classCounts) {
            #expect(abs(Double(kept) - Double(all) * 0.1) < 1)
        }
        #expect(tenth.test == full.test)
    }

    @Test func csvWithNamedLabelColumn() throws {
        let data = try CSVDataset.parse("""
        length,kind,width
        1.5,"b",2
        3,a,4.25

        -1e-3,b,0
        """, fileName: "data/x.csv", labelColumn: "kind")
        #expect(data.featureNames == ["length", "width"])
        #expect(data.classNames == ["a", "b"])
        #expect(data.labels == [1, 0, 1])
        #expect(data.features.values == [1.5, 2, 3, 4.25, -0.001, 0])
    }

    @Test func csvErrorsNameFileAndLine() {
        #expect(throws: DataFileError(file: "d.csv", line: 3, "expected 3 fields as in the header, found 2")) {
            try CSVDataset.parse("a,b,y\n1,2,0\n3,1\n", fileName: "d.csv", labelColumn: "y")
        }
        #expect(throws: DataFileError(file: "d.csv", line: 2, column: 3, "'x' in column 'b' is not a number")) {
            try CSVDataset.parse("a,b,y\n1,x,0\n", fileName: "d.csv", labelColumn: "y")
        }
        // A byte order mark and Windows line ends are read as plain text.
        let windows = try? CSVDataset.parse("\u{FEFF}a,b,y\r\n1,2,p\r\n3,1,q\r\n", fileName: "d.csv", labelColumn: "y")
        #expect(windows?.featureNames == ["a", "b"] && windows?.classNames == ["p", "q"])
        #expect(throws: DataFileError(file: "d.csv", line: 1, "no column named 'label'; the columns are a, b, y")) {
            try CSVDataset.parse("a,b,y\n1,2,0\n", fileName: "d.csv", labelColumn: "label")
        }
    }
}
