import Testing
@testable import DistillCore

/// CSV as RFC 4180 (section 2) writes it, case by case, with the positions errors need.
@Suite struct CSVRecordsTests {
    func fields(_ text: String) throws -> [[String]] {
        try CSVRecords.parse(text[...], fileName: "t.csv").map(\.fields)
    }

    @Test func recordsAreSeparatedByLineBreaksAndTheLastMayLackOne() throws {
        #expect(try fields("aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n") == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])  // rule 1
        #expect(try fields("aaa,bbb,ccc\r\nzzz,yyy,xxx") == [["aaa", "bbb", "ccc"], ["zzz", "yyy", "xxx"]])  // rule 2
        #expect(try fields("a,b\nc,d\n") == [["a", "b"], ["c", "d"]])
    }

    @Test func quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws {
        #expect(try fields("\"aaa\",\"bbb\",\"ccc\"\r\n") == [["aaa", "bbb", "ccc"]])  // rule 5
        #expect(try fields("\"aaa\",\"b\r\nbb\",\"ccc\"\r\nzzz,yyy,xxx") == [["aaa", "b\nbb", "ccc"], ["zzz", "yyy", "xxx"]])  // rule 6
        #expect(try fields("\"aaa\",\"b\"\"bb\",\"ccc\"") == [["aaa", "b\"bb", "ccc"]])  // rule 7
        #expect(try fields("\"a,b\",\"\"\n") == [["a,b", ""]])
        #expect(try fields("x,\"\"\"\"\n") == [["x", "\""]])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        #expect(try fields("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]])
        #expect(try fields("a,b\n\n   \nc,d\n") == [["a", "b"], ["c", "d"]])
        #expect(try fields("\"\"\n") == [[""]], "a quoted empty field is a record, not a blank line")
        #expect(try fields("") == [])
    }

    @Test func spacesAroundFields() throws {
        #expect(try fields(" 1 , \"a b\" ,2\n") == [["1", "a b", "2"]])
        #expect(try fields("\" padded \"\n") == [[" padded "]])
    }

    @Test func positionsFollowQuotedLineBreaks() throws {
        let records = try CSVRecords.parse("h1,h2\n\"two\nlines\",x\nlast,\"q\"\n"[...], fileName: "t.csv")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[2].columns == [1, 6])
    }

    @Test func malformedQuotingIsAnErrorAtItsPlace() {
        #expect(throws: DataFileError(file: "t.csv", line: 2, column: 3, "the quoted field that starts here has no closing quote")) {
            try CSVRecords.parse("a,b\n1,\"open\n2,3\n"[...], fileName: "t.csv")
        }
        #expect(throws: DataFileError.self) { try CSVRecords.parse("\"a\"b,c\n"[...], fileName: "t.csv") }
    }

    @Test func aDatasetReadsQuotedClassNamesAndFeatureNames() throws {
        let data = try CSVDataset.parse("\"width, cm\",\"kind\"\n1,\"a,b\"\n2,\"say \"\"c\"\"\"\n3,\"a,b\"\n",
                                        fileName: "d.csv", labelColumn: "kind")
        #expect(data.featureNames == ["width, cm"])
        #expect(data.classNames == ["a,b", "say \"c\""])
        #expect(data.labels == [0, 1, 0])
    }
}
