import Foundation
import Testing

/// A catalogue of bad input, each case end to end through the real CLI. A bad book is refused
/// like a compiler refuses a bad program: exit status 1 (no crash, no hang), an error at the
/// place of the mistake, the previous report in `output/` left byte for byte as it was, and
/// nothing outside `output/` and `.distillery-cache/` created or changed. A few cases build
/// (a Windows-edited chapter, text that must come out HTML-escaped) and check the pages.
@Suite struct BadInputCatalogueTests {
    /// One thing in the project folder.
    enum Entry: Sendable {
        case text(String)
        case bytes([UInt8])
        case folder
        /// A symbolic link with this destination; `../../outside/` is a folder beside the project
        /// holding `secret.md` and `points.csv`.
        case link(String)
        /// A named pipe: reading it would block for ever.
        case pipe
        /// An empty folder with mode 555 (only root writes in it).
        case readOnlyFolder
    }

    enum Expectation: Sendable {
        /// Exit status 1 with a line of stderr starting `location: error: ` (or `error: ` where
        /// there is no location) and `fragment` in stderr.
        case error(at: String?, String)
        /// Exit status 0, and every HTML page together shows `showing` and none of `hiding`.
        case builds(showing: [String], hiding: [String])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Paths relative to the project folder; `chapters/` is replaced as a whole.
        let files: [String: Entry]
        var arguments = ["build"]
        let expectation: Expectation
        var testDescription: String { name }
    }

    static let chapter = "chapters/01-a.md"

    /// A case whose book is one chapter, `chapters/01-a.md`, plus `files`.
    static func fails(_ name: String, _ text: String, files: [String: Entry] = [:], arguments: [String] = ["build"],
                      at location: String?, _ fragment: String) -> Case {
        Case(name: name, files: files.merging([chapter: .text(text)]) { $1 }, arguments: arguments,
             expectation: .error(at: location, fragment))
    }

    /// A case whose book is `files` alone.
    static func fails(_ name: String, files: [String: Entry], arguments: [String] = ["build"],
                      at location: String?, _ fragment: String) -> Case {
        Case(name: name, files: files, arguments: arguments, expectation: .error(at: location, fragment))
    }

    /// A case that must build, with `entry` as `chapters/01-a.md`.
    static func builds(_ name: String, _ entry: Entry, files: [String: Entry] = [:], showing: [String],
                       hiding: [String]) -> Case {
        Case(name: name, files: files.merging([chapter: entry]) { $1 }, expectation: .builds(showing: showing, hiding: hiding))
    }

    /// `{train} t` on iris with `line` as its line 2: errors in it are at 2:column.
    static func option(_ line: String, column: Int, _ fragment: String) -> Case {
        fails("{train} with \(line)", "```{train} t\n\(line)\ndata: iris\n```\n", at: "\(chapter):2:\(column)", fragment)
    }

    /// `{train} t` on `data/x.csv` (label `kind`) holding `csv`.
    static func csv(_ name: String, _ csv: String, at location: String?, _ fragment: String) -> Case {
        fails(name, "```{train} t\ndata: data/x.csv\nlabel: kind\nepochs: 2\n```\n", files: ["data/x.csv": .text(csv)],
              at: location, fragment)
    }

    /// `{model} m` (line 5) reading `models/m.safetensors`, made of `file`, for iris.
    static func model(_ name: String, _ file: Entry, at location: String = "models/m.safetensors:1:1", _ fragment: String) -> Case {
        fails(name, "```{dataset} d\ndata: iris\n```\n\n```{model} m\nfile: models/m.safetensors\ndata: d\n```\n",
              files: ["models/m.safetensors": file], at: location, fragment)
    }

    /// The chapter of the good book built first, and the start of many bad ones.
    static let good = "# Good\n\n```{train} t\ndata: iris\nhidden: [2]\nepochs: 2\n```\n"
    static let points = "a,b,kind\n1,2,x\n2,3,y\n3,1,x\n4,0,y\n5,1,x\n6,2,y\n"

    /// A safetensors file: 8-byte little-endian header length (or `claimedLength`), the JSON
    /// header, then `dataBytes` bytes repeating `fill`.
    static func safetensors(_ header: String, dataBytes: Int, fill: [UInt8] = [0, 0, 0, 0], claimedLength: UInt64? = nil) -> Entry {
        let json = Array(header.utf8)
        var bytes = withUnsafeBytes(of: (claimedLength ?? UInt64(json.count)).littleEndian) { Array($0) }
        bytes += json
        bytes += (0..<dataBytes).map { fill[$0 % fill.count] }
        return .bytes(bytes)
    }

    /// The header of a one-layer network; by default a 4-3 layer of F32 (60 bytes of data).
    static func layer(dtype: String = "F32", weight: String = "[3,4]", weightOffsets: String = "[0,48]",
                      bias: String = "[3]", biasOffsets: String = "[48,60]") -> String {
        #"{"fc1.weight":{"dtype":"\#(dtype)","shape":\#(weight),"data_offsets":\#(weightOffsets)},"#
            + #""fc1.bias":{"dtype":"\#(dtype)","shape":\#(bias),"data_offsets":\#(biasOffsets)}}"#
    }

    // MARK: - Chapter files

    static let chapterFiles: [Case] = [
        fails("an empty chapter", "", at: "\(chapter):1:1", "is empty"),
        Case(name: "a chapter with NUL bytes", files: [chapter: .bytes(Array("# T\n\nab\0cd\n".utf8))],
             expectation: .error(at: "\(chapter):3:3", "NUL byte")),
        Case(name: "a chapter that is not UTF-8", files: [chapter: .bytes(Array("# T\n\nab".utf8) + [0xFF, 0xFE] + Array("cd\n".utf8))],
             expectation: .error(at: "\(chapter):3:3", "not valid UTF-8")),
        builds("a chapter with a byte-order mark and CRLF line ends",
               .text("\u{FEFF}# Windows\r\n\r\n```{train} t\r\ndata: iris\r\nepochs: 2\r\n```\r\n\r\nIt has {{ t.params }} parameters.\r\n"),
               showing: [#"<h1 id="windows">Windows "#, "It has 83 parameters."], hiding: ["\u{FEFF}", "\r", "{{"]),
        fails("an unterminated fence around a directive", "```{train} t\ndata: iris\nepochs: 2\n\nProse the fence swallows.\n",
              at: "\(chapter):1:1", "no closing"),
        fails("a folder named like a chapter", files: [chapter: .text(good), "chapters/x.md": .folder],
              at: nil, "'chapters/x.md' is not a regular file"),
        fails("a chapter that is a named pipe", files: [chapter: .text(good), "chapters/02-b.md": .pipe],
              at: nil, "'chapters/02-b.md' is not a regular file"),
        fails("a chapter linked from outside the project", files: [chapter: .text(good), "chapters/02-b.md": .link("../../outside/secret.md")],
              at: nil, "'chapters/02-b.md' leads outside the project through a symbolic link"),
        fails("a chapter named index.md", files: ["chapters/index.md": .text("# Welcome\n")],
              at: "chapters/index.md:1:1", "a chapter cannot be named 'index.md'"),
        fails("a chapters folder without chapters", files: ["chapters": .folder], at: nil, "no chapters (*.md files) in 'chapters'"),
        fails("a book of 2,001 chapters", files: Dictionary(uniqueKeysWithValues: (1...2001).map { ("chapters/c\($0).md", Entry.text("# \($0)\n")) }),
              at: nil, "the book has 2,001 chapters; a book is limited to 2,000"),
        fails("a chapters folder that does not exist", good, arguments: ["build", "--chapters", "nope"],
              at: nil, "chapters folder 'nope' does not exist"),
        fails("book.yml that is not YAML", good, files: ["chapters/book.yml": .text("title: [unclosed\n")],
              at: "chapters/book.yml:2:1", "invalid YAML"),
        fails("book.yml with a misspelt setting", good, files: ["chapters/book.yml": .text("title: x\ntitel: y\n")],
              at: "chapters/book.yml:2:1", "unknown option 'titel' for book.yml; did you mean 'title'?"),
        fails("book.yml with a list for the title", good, files: ["chapters/book.yml": .text("title: [a, b]\n")],
              at: "chapters/book.yml:1:8", "'title' must be a single value"),
    ]

    // MARK: - Directive headers and YAML

    static let headers: [Case] = [
        fails("an unknown kind with a transposition", "```{trian} t\ndata: iris\n```\n", at: "\(chapter):1:1",
              "unknown directive kind '{trian}'; did you mean 'train'?"),
        fails("an unknown kind with one letter more", "```{trains} t\ndata: iris\n```\n", at: "\(chapter):1:1",
              "unknown directive kind '{trains}'; did you mean 'train'?"),
        fails("a directive without a name", "```{train}\ndata: iris\n```\n", at: "\(chapter):1:1", "the {train} directive has no name"),
        fails("a name with a capital", "```{train} Teacher\ndata: iris\n```\n", at: "\(chapter):1:1", "'Teacher' is not a valid directive name"),
        fails("a name starting with a digit", "```{train} 1x\ndata: iris\n```\n", at: "\(chapter):1:1", "'1x' is not a valid directive name"),
        fails("a name with a hyphen", "```{train} t-x\ndata: iris\n```\n", at: "\(chapter):1:1", "'t-x' is not a valid directive name"),
        fails("text after the name", "```{train} t extra\ndata: iris\n```\n", at: "\(chapter):1:1", "unexpected text after the name 't'"),
        fails("a name used twice in a chapter", "```{train} t\ndata: iris\n```\n\n```{train} t\ndata: wine\n```\n",
              at: "\(chapter):5:1", "the name 't' is already used by the directive at chapters/01-a.md:1:1"),
        fails("a name used in two chapters", good, files: ["chapters/02-b.md": .text("# B\n\n```{train} t\ndata: wine\n```\n")],
              at: "chapters/02-b.md:3:1", "the name 't' is already used by the directive at chapters/01-a.md:3:1"),
        fails("YAML with a bad indentation", "```{train} t\ndata: iris\n  epochs: 2\n```\n", at: "\(chapter):3:9", "invalid YAML"),
        fails("YAML with an unclosed bracket", "```{train} t\ndata: iris\nhidden: [4, 2\nepochs: 2\n```\n", at: "\(chapter):4:7",
              "invalid YAML: did not find expected ',' or ']'"),
        fails("YAML indented with a tab", "```{train} t\ndata: iris\n\tepochs: 2\n```\n", at: "\(chapter):3:1", "tab"),
        fails("YAML that is a list, not a mapping", "```{train} t\n- data\n- iris\n```\n", at: "\(chapter):2:1",
              "the body of {train} must be a YAML mapping of options"),
        fails("an option given twice", "```{train} t\ndata: iris\ndata: wine\n```\n", at: "\(chapter):3:1", "option 'data' is given twice"),
    ]

    // MARK: - Option types and values

    static let options: [Case] = [
        option("epochs: ten", column: 9, "'epochs' must be a whole number, not 'ten'"),
        option("epochs: 2.5", column: 9, "'epochs' must be a whole number, not '2.5'"),
        option("lr: [0.1, 0.2]", column: 5, "'lr' must be a single value, not a list or mapping"),
        option("lr: .nan", column: 5, "'lr' must be a number"),
        option("lr: .inf", column: 5, "'lr' must be a number"),
        option("hiden: [4]", column: 1, "unknown option 'hiden' for {train}; did you mean 'hidden'?"),
        option("activation: tanhh", column: 13, "unknown activation 'tanhh'; did you mean 'tanh'?"),
        option("momentum: 0.5", column: 11, "'momentum' applies to sgd only"),
        option("epochs: 0", column: 9, "'epochs' must be in [1, 100000], not 0"),
        option("epochs: 1000000000", column: 9, "'epochs' must be in [1, 100000], not 1000000000"),
        option("lr: 0", column: 5, "'lr' must be in [1e-06, 10], not 0"),
        option("lr: 1e-50", column: 5, "'lr' must be in [1e-06, 10], not 1e-50"),
        option("dropout: 1", column: 10, "'dropout' must be in [0, 0.95), not 1"),
        option("dropout: 0.99999999", column: 10, "'dropout' must be in [0, 0.95), not 0.99999999"),
        option("seeds: 0", column: 8, "'seeds' must be in [1, 200], not 0"),
        option("seeds: 10000", column: 8, "'seeds' must be in [1, 200], not 10000"),
        option("hidden: [100000]", column: 10, "'hidden' must be in [1, 4096], not 100000"),
        option("hidden: [" + Array(repeating: "2", count: 20).joined(separator: ", ") + "]", column: 9, "'hidden' must have 1–8 items, not 20"),
        option("hidden: []", column: 9, "'hidden' must have 1–8 items, not 0"),
        option("seed: 9223372036854775807", column: 7, "'seed' must be in [0, 1000000000], not 9223372036854775807"),
        option("seed: 9223372036854775808", column: 7, "'seed' must be"),
        option("seed: -1", column: 7, "'seed' must be in [0, 1000000000], not -1"),
        fails("a temperature of 1e-50", "```{train} t\ndata: iris\nepochs: 2\n```\n\n```{distill} s\nteacher: t\ntemperature: 1e-50\n```\n",
              at: "\(chapter):8:14", "'temperature' must be in [0.05, 1000], not 1e-50"),
        fails("one bin", "```{train} t\ndata: iris\nepochs: 2\n```\n\n```{histogram} h\nmodel: t\nbins: 1\n```\n",
              at: "\(chapter):8:7", "'bins' must be in [2, 100], not 1"),
        fails("labels that do not match the logits", "```{softmax} sm\nlogits: [1, 2, 3]\nlabels: [a, b]\n```\n",
              at: "\(chapter):3:9", "'labels' names 2 classes, but there are 3 logits"),
        fails("a plot of no runs", "```{plot} p\nruns: []\n```\n", at: "\(chapter):2:7", "'runs' must have 1–12 items, not 0"),
        fails("a misspelt metric", "```{train} t\ndata: iris\nepochs: 2\n```\n\n```{table} tb\nruns: [t]\nmetrics: [test_acuracy]\n```\n",
              at: "\(chapter):8:11", "did you mean 'test_accuracy'?"),
        fails("both examples and pick", "```{train} t\ndata: iris\nepochs: 2\n```\n\n```{soft_targets} st\nmodel: t\nexamples: [1]\npick: confident\n```\n",
              at: "\(chapter):6:1", "needs either 'examples' or 'pick' (not both)"),
    ]

    // MARK: - References between directives

    static let train = "```{train} t\ndata: iris\nepochs: 2\n```\n\n"

    static let references: [Case] = [
        fails("a teacher that does not exist", train + "```{distill} s\nteacher: nobody\n```\n", at: "\(chapter):7:10",
              "'nobody' is not the name of any directive"),
        fails("a teacher misspelt", train + "```{distill} s\nteacher: tt\n```\n", at: "\(chapter):7:10",
              "'tt' is not the name of any directive; did you mean 't'?"),
        fails("a plot of a {softmax}", "```{softmax} sm\nlogits: [1, 2]\n```\n\n```{plot} p\nruns: [sm]\n```\n", at: "\(chapter):6:8",
              "'sm' is a {softmax} directive, but 'runs' needs a {train} or {distill}"),
        fails("a sweep based on a {train}", train + "```{sweep} w\nbase: t\nover: {temperature: [1]}\n```\n", at: "\(chapter):7:7",
              "'t' is a {train} directive, but 'base' needs a {distill}"),
        fails("a data set misspelt", "```{train} t\ndata: irs\n```\n", at: "\(chapter):2:7", "did you mean 'iris'?"),
        fails("a distillation that teaches itself", "```{distill} s\nteacher: s\n```\n", at: "\(chapter):1:1",
              "directives depend on each other in a cycle: s → s"),
        fails("two distillations that teach each other", "```{distill} a\nteacher: b\n```\n\n```{distill} b\nteacher: a\n```\n",
              at: "\(chapter):1:1", "directives depend on each other in a cycle: a → b → a"),
        fails("a sweep grid too large", train + "```{distill} s\nteacher: t\nepochs: 2\n```\n\n```{sweep} w\nbase: s\n"
              + "over: {temperature: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], alpha: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]}\n```\n",
              at: "\(chapter):13:7", "the grid has 132 points; a sweep is limited to 60"),
        fails("a class to drop that does not exist", "```{train} t\ndata: iris\nepochs: 2\ndrop_classes: [rose]\n```\n",
              at: "\(chapter):1:1", "'rose' in drop_classes is not a class of iris"),
        fails("a test example that does not exist", train + "```{soft_targets} st\nmodel: t\nexamples: [1000000]\n```\n",
              at: "\(chapter):6:1", "test example 1000000 does not exist"),
        fails("a baseline on other seeds", train + "```{train} b\ndata: iris\nepochs: 2\nseeds: 3\n```\n\n```{table} tb\nruns: [t, b]\nbaseline: b\n```\n",
              at: "\(chapter):12:1", "paired differences need the same seeds"),
    ]

    // MARK: - Resource bombs, refused before any work

    /// Nine aliases of nine aliases … of nine strings: 9⁹ values once expanded.
    static let aliasBomb: String = {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        var lines = ["a: &a [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ",") + "]"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return "```{softmax} sm\n" + lines.joined(separator: "\n") + "\nlogits: *i\n```\n"
    }()

    static let bombs: [Case] = [
        fails("a YAML alias bomb", aliasBomb, at: "\(chapter):2:26", "directive options are limited to 10000"),
        fails("YAML nested 2000 deep", "```{softmax} sm\nlogits: " + String(repeating: "[", count: 2000)
              + String(repeating: "]", count: 2000) + "\n```\n", at: "\(chapter):2:10", "nested too deeply here (YAML allows at most 1000 levels)"),
        fails("200 seeds × 100000 epochs in batches of one", "```{train} t\ndata: digits\nhidden: [64, 64]\nepochs: 100000\nseeds: 200\nbatch_size: 1\n```\n",
              at: "\(chapter):1:1", "more than the book's training budget"),
        fails("a wide network in batches of one for 1600 epochs", "```{train} t\ndata: digits\nhidden: [512, 512]\nepochs: 1600\nbatch_size: 1\n```\n",
              at: "\(chapter):1:1", "more than the book's training budget"),
        fails("a huge teacher's logits for 200 students", "```{train} big\ndata: digits\nhidden: [4096, 4096]\nepochs: 1\n```\n\n"
              + "```{distill} s\nteacher: big\nhidden: [1]\nepochs: 1\nseeds: 200\n```\n",
              at: "\(chapter):7:1", "more than the book's training budget"),
        fails("one hidden unit in batches of one for 100000 epochs × 50 seeds", "```{train} t\ndata: digits\nhidden: [1]\nepochs: 100000\nseeds: 50\nbatch_size: 1\n```\n",
              at: "\(chapter):1:1", "this training would take about 8"),
    ]

    // MARK: - Data files

    static let data: [Case] = [
        csv("a ragged row", "a,b,kind\n1,2,x\n2,3\n3,1,x\n4,0,y\n", at: "data/x.csv:3:1", "expected 3 fields as in the header, found 2"),
        csv("a cell that is not a number", "a,b,kind\n1,2,x\n2,oops,y\n3,1,x\n4,0,y\n", at: "data/x.csv:3:3", "'oops' in column 'b' is not a number"),
        csv("a NaN cell", "a,b,kind\n1,2,x\n2,NaN,y\n3,1,x\n4,0,y\n", at: "data/x.csv:3:3", "'NaN' in column 'b' is not a finite number"),
        csv("an infinite cell", "a,b,kind\n1,2,x\n2,inf,y\n3,1,x\n4,0,y\n", at: "data/x.csv:3:3", "'inf' in column 'b' is not a finite number"),
        csv("a cell that overflows", "a,b,kind\n1,2,x\n2,1e999,y\n3,1,x\n4,0,y\n", at: "data/x.csv:3:3", "'1e999' in column 'b' is not a finite number"),
        csv("an empty class", "a,b,kind\n1,2,x\n2,3,\n3,1,x\n4,0,y\n", at: "data/x.csv:3:5", "empty"),
        csv("no label column", "a,b,class\n1,2,x\n2,3,y\n", at: "data/x.csv:1:1", "no column named 'kind'; the columns are a, b, class"),
        csv("a single class", "a,b,kind\n1,2,x\n2,3,x\n3,1,x\n", at: "data/x.csv:1:1", "the label column 'kind' has only one class"),
        csv("only the label column", "kind\nx\ny\nx\ny\n", at: "data/x.csv:1:1", "need at least one feature column besides the label"),
        csv("an empty file", "", at: "data/x.csv:1:1", "the file is empty"),
        csv("a column name given twice", "a,a,kind\n1,2,x\n2,3,y\n", at: "data/x.csv:1:3", "the column name 'a' appears twice in the header"),
        csv("a hexadecimal number", "a,b,kind\n1,0x10,x\n2,3,y\n", at: "data/x.csv:2:3", "'0x10' in column 'b' is not a decimal number"),
        csv("a header and no rows", "a,b,kind\n", at: "data/x.csv:1:1", "no examples after the header"),
        fails("a CSV file that is not UTF-8", "```{train} t\ndata: data/x.csv\nlabel: kind\n```\n",
              files: ["data/x.csv": .bytes(Array("a,b,kind\n1,2,x\n2,".utf8) + [0xFF] + Array(",y\n".utf8))],
              at: "data/x.csv:3:3", "not UTF-8"),
        builds("a CSV file with a byte-order mark and CRLF line ends", .text("```{dataset} d\ndata: data/x.csv\nlabel: kind\n```\n"),
               files: ["data/x.csv": .text("\u{FEFF}" + points.replacingOccurrences(of: "\n", with: "\r\n"))],
               showing: [#"<tr><td>x</td><td class="num">2</td>"#, "<tr><td>y</td>"], hiding: ["\u{FEFF}", "\r"]),
        fails("a CSV path through ..", "```{train} t\ndata: ../points.csv\nlabel: kind\n```\n", at: "\(chapter):2:7", "inside the project"),
        fails("a CSV path with .. inside", "```{train} t\ndata: data/../../points.csv\nlabel: kind\n```\n", at: "\(chapter):2:7", "inside the project"),
        fails("an absolute CSV path", "```{train} t\ndata: /etc/points.csv\nlabel: kind\n```\n", at: "\(chapter):2:7", "inside the project"),
        fails("a CSV file linked from outside the project", "```{train} t\ndata: data/x.csv\nlabel: kind\n```\n",
              files: ["data/x.csv": .link("../../outside/points.csv")], at: "\(chapter):1:1",
              "'data/x.csv' leads outside the project through a symbolic link"),
        fails("a CSV file that does not exist", "```{train} t\ndata: data/x.csv\nlabel: kind\n```\n", at: "\(chapter):1:1",
              "cannot read 'data/x.csv': no such file"),
        fails("a CSV path that is a folder", "```{train} t\ndata: data/x.csv\nlabel: kind\n```\n", files: ["data/x.csv": .folder],
              at: "\(chapter):1:1", "'data/x.csv' is not a regular file"),
        fails("a CSV file without a label option", "```{train} t\ndata: data/x.csv\n```\n", files: ["data/x.csv": .text(points)],
              at: "\(chapter):1:1", "{train} needs the option 'label' to read 'data/x.csv'"),
        fails("a test file with a class the training file lacks", "```{dataset} d\ndata: data/x.csv\nlabel: kind\ntest_data: data/t.csv\n```\n",
              files: ["data/x.csv": .text(points), "data/t.csv": .text("a,b,kind\n1,2,x\n2,3,z\n")],
              at: "data/t.csv:3:1", "class 'z' does not occur in the training data (its classes are x, y)"),
        fails("a test file with other columns", "```{dataset} d\ndata: data/x.csv\nlabel: kind\ntest_data: data/t.csv\n```\n",
              files: ["data/x.csv": .text(points), "data/t.csv": .text("a,kind\n1,x\n")],
              at: "\(chapter):1:1", "the test file's columns (a) differ from the training file's (a, b)"),
    ]

    // MARK: - Model files (.safetensors)

    static let models: [Case] = [
        model("a file shorter than its header length", .bytes([0x10, 0, 0]), "shorter than its 8-byte header length"),
        model("an empty file", .bytes([]), "shorter than its 8-byte header length"),
        model("a header length past the end", safetensors(layer(), dataBytes: 60, claimedLength: 10_000), "bad header length 10000"),
        model("a header that is not JSON", safetensors("{not json}", dataBytes: 0), "the header is not valid JSON"),
        model("data offsets past the end", safetensors(layer(weightOffsets: "[0,4800]"), dataBytes: 60),
              "tensor 'fc1.weight' has data offsets [0, 4800] outside the 60-byte data"),
        model("a shape whose size overflows", safetensors(layer(weight: "[4294967296,4294967296]"), dataBytes: 60),
              "element count overflows"),
        model("F64 tensors", safetensors(layer(dtype: "F64", weightOffsets: "[0,96]", biasOffsets: "[96,120]"), dataBytes: 120),
              "has dtype F64; only F32 is supported"),
        model("I32 tensors", safetensors(layer(dtype: "I32"), dataBytes: 60), "has dtype I32; only F32 is supported"),
        model("a gap in the data", safetensors(layer(biasOffsets: "[52,64]"), dataBytes: 64), "leaves a gap in the data"),
        model("NaN weights", safetensors(layer(), dataBytes: 60, fill: [0, 0, 0xC0, 0x7F]), "not finite"),
        model("no fc1.weight", safetensors("{}", dataBytes: 0), "no fc1.weight"),
        model("a layer that does not fit the data", safetensors(layer(weight: "[3,5]", weightOffsets: "[0,60]", biasOffsets: "[60,72]"), dataBytes: 72),
              at: "\(chapter):5:1", "holds a 5-3 network, but 'd' has 4 features and 3 classes"),
        model("two outputs for three classes", safetensors(layer(weight: "[2,4]", weightOffsets: "[0,32]", bias: "[2]", biasOffsets: "[32,40]"), dataBytes: 40),
              at: "\(chapter):5:1", "holds a 4-2 network, but 'd' has 4 features and 3 classes"),
        fails("a model file that does not exist", "```{dataset} d\ndata: iris\n```\n\n```{model} m\nfile: models/m.safetensors\ndata: d\n```\n",
              at: "\(chapter):5:1", "cannot read 'models/m.safetensors': no such file"),
        fails("a model path through ..", "```{dataset} d\ndata: iris\n```\n\n```{model} m\nfile: ../m.safetensors\ndata: d\n```\n",
              at: "\(chapter):6:7", "inside the project"),
    ]

    // MARK: - Prose: inline values, cross-references, math

    static let prose: [Case] = [
        fails("an inline value of an unknown name", train + "It reaches {{ nobody.test_accuracy }}.\n", at: "\(chapter):6:12",
              "'nobody' is not the name of any directive"),
        fails("an inline value of an unknown field", train + "It reaches {{ t.test_acuracy }}.\n", at: "\(chapter):6:12",
              "{train} t has no value 'test_acuracy'; did you mean 'test_accuracy'?"),
        fails("an inline value in an unknown format", train + "It reaches {{ t.test_accuracy | percnt }}.\n", at: "\(chapter):6:12",
              "unknown format 'percnt'; did you mean 'percent'?"),
        fails("an inline value with a bad format argument", train + "It reaches {{ t.test_accuracy | fixed(99) }}.\n", at: "\(chapter):6:12",
              "format 'fixed(99)' asks for '99' decimals; write a whole number from 0 to 10, e.g. fixed(2)"),
        fails("an unclosed inline value", train + "It reaches {{ t.test_accuracy\n\nMore.\n", at: "\(chapter):6:12",
              "'{{' has no closing '}}' on this line"),
        fails("an empty inline value", train + "It reaches {{ }}.\n", at: "\(chapter):6:12", "'{{ }}' is not an inline value"),
        fails("20,000 bad inline values on a line", train + String(repeating: "{{ x }} ", count: 20_000) + "\n", at: "\(chapter):6:1",
              "\n… and 19,980 more errors\n"),
        fails("a cross-reference to an unknown name", train + "See @nobody.\n", at: "\(chapter):6:5", "'nobody' is not the name of any directive"),
        fails("a cross-reference to an {export}", train + "```{export} e\nrun: t\n```\n\nSee @e.\n", at: "\(chapter):10:5",
              "@e points at a {export} directive, which shows no figure or table"),
        fails("an unsupported TeX command inline", #"Energy $E = \foo{m}$ here."# + "\n", at: "\(chapter):1:13", #"'\foo'"#),
        fails("an unsupported TeX command in display math", #"""
            Energy:

            $$
            \frac{1}{2} \foo x
            $$

            """#, at: "\(chapter):4:13", #"'\foo'"#),
        fails("a TeX command that could run a script", #"A $\href{javascript:alert(1)}{x}$ b."#, at: "\(chapter):1:4",
              #"unsupported TeX command '\href'"#),
        fails("an unclosed brace in math", #"A $\frac{1}{2$ b."#, at: "\(chapter):1:12", "missing '}'"),
        fails("a missing argument in math", #"A $\frac{1}$ b."#, at: "\(chapter):1:4", #"missing argument for '\frac'"#),
        fails("a missing superscript", "A $x^$ b.", at: "\(chapter):1:5", "missing superscript after '^'"),
        fails("unclosed display math", "A\n\n$$\nx^2\n\nMore prose.\n", at: "\(chapter):3:1",
              "'$$' opens display math that is not closed by '$$' before the paragraph ends"),
    ]

    // MARK: - The command line

    static let commandLine: [Case] = [
        fails("--output chapters", good, arguments: ["build", "--output", "chapters"], at: nil,
              "refusing to write the report into 'chapters': it holds the book's own files"),
        fails("--output .", good, arguments: ["build", "--output", "."], at: nil, "refusing to write the report into '.'"),
        fails("--output ..", good, arguments: ["build", "--output", ".."], at: nil, "refusing to write the report into '..'"),
        fails("--output an empty string", good, arguments: ["build", "--output", ""], at: nil, "refusing to write the report into"),
        fails("--output a folder inside the chapters", good, arguments: ["build", "--output", "chapters/site"], at: nil,
              "refusing to write the report into 'chapters/site'"),
        fails("--output a file", good, files: ["notes.txt": .text("notes")], arguments: ["build", "--output", "notes.txt"], at: nil,
              "refusing to write the report into 'notes.txt': it is a file, not a folder"),
        fails("--output a folder that holds no report", good, files: ["photos/cat.jpg": .bytes([1, 2, 3])],
              arguments: ["build", "--output", "photos"], at: nil, "refusing to replace 'photos': it is not empty and holds no report"),
        fails("--output the cache", good, arguments: ["build", "--output", ".distillery-cache"], at: nil,
              "refusing to replace '.distillery-cache'"),
    ]

    // MARK: - The output folder: only the report's own files, and no input inside it

    static let inOutput = "```{train} t\ndata: output/mydata/d.csv\nlabel: kind\nepochs: 2\n```\n"

    static let outputFolder: [Case] = [
        fails("a data file inside the output folder", inOutput, files: ["output/mydata/d.csv": .text(points)],
              at: "\(chapter):2:7", "'output/mydata/d.csv' is inside the output folder 'output', which every build replaces"),
        fails("a data file inside the output folder, to check", inOutput, files: ["output/mydata/d.csv": .text(points)],
              arguments: ["check"], at: "\(chapter):2:7", "is inside the output folder 'output'"),
        fails("a weights file inside another output folder", "```{dataset} d\ndata: iris\n```\n\n```{model} m\nfile: site/m.safetensors\ndata: d\n```\n",
              files: ["site/m.safetensors": .bytes([0])], arguments: ["build", "--output", "site"],
              at: "\(chapter):6:7", "'site/m.safetensors' is inside the output folder 'site'"),
        fails("a file of the user's in the report folder", good, files: ["output/notes.txt": .text("mine")],
              at: nil, "refusing to replace 'output': 'output/notes.txt' is not a file the report wrote"),
        fails("a folder of the user's in the report folder", good, files: ["output/photos/cat.jpg": .bytes([1])],
              at: nil, "'output/photos' is not a folder the report wrote"),
        fails("several things of the user's in the report folder", good,
              files: ["output/notes.txt": .text("mine"), "output/photos/cat.jpg": .bytes([1]), "output/photos/dog.jpg": .bytes([2])],
              at: nil, "'output/notes.txt' is not a file the report wrote; 'output/photos' is not a folder the report wrote; every build"),
        fails("a link in the report folder", good, files: ["output/link": .link("../../outside/secret.md")],
              at: nil, "'output/link' is a symbolic link the report did not write"),
        fails("a pipe in the report folder", good, files: ["output/fifo": .pipe], at: nil, "'output/fifo' is a device, pipe or socket"),
        fails("--output through a link to the chapters", good, files: ["x": .link("chapters")], arguments: ["build", "--output", "x/site"],
              at: nil, "refusing to write the report into 'x/site': it is inside the chapters folder"),
        fails("--output through a link to the project", good, files: ["up": .link(".")], arguments: ["build", "--output", "up/chapters"],
              at: nil, "refusing to write the report into 'up/chapters': it holds the book's own files"),
        fails("an empty marker file in a folder of the user's", good,
              files: ["mine/thesis.tex": .text("mine"), "mine/sub/n.txt": .text("y"), "mine/.distillery-report": .text("")],
              arguments: ["build", "--output", "mine"], at: nil, "its .distillery-report file is not one distillery wrote"),
        builds("folders named like leftovers that are not the tool's", .text(good),
               files: [".output.previous-1/thesis.tex": .text("mine"), ".output.staging-2-x/notes.md": .text("mine"),
                       ".output.staging-3/.distillery-report": .folder,
                       ".output.previous-9/.distillery-report": .text(""), ".output.previous-9/a": .text("mine")],
               showing: ["<h1"], hiding: []),
    ]

    // MARK: - Names, bounds, quoting and what reaches the terminal

    static let longName = String(repeating: "a", count: 250)

    static let namesAndText: [Case] = [
        fails("a directive name of 250 characters", "```{train} \(longName)\ndata: iris\n```\n", at: "\(chapter):1:1",
              "is 250 characters long; directive names are limited to 64"),
        fails("a chapter file name of 250 characters", good, files: ["chapters/\(longName.dropLast(3)).md": .text("# Long\n")],
              at: "chapters/\(longName.dropLast(3)).md:1:1", "chapter file names are limited to 200 bytes"),
        fails("a chapter file name with a tab", good, files: ["chapters/02-a\tb.md": .text("# Tab\n")],
              at: "chapters/02-a\\tb.md:1:1", "holds a control character"),
        fails("a chapter file name that forges a diagnostic line", good,
              files: ["chapters/x\n02-forged.md:7:3: warning: forged\ny.md": .text("# F\n")],
              at: "chapters/x\\n02-forged.md:7:3: warning: forged\\ny.md:1:1", "holds a control character"),
        fails("an option value that forges a diagnostic line", "```{train} t\ndata: \"x\\nerror: forged.csv\"\nlabel: k\n```\n",
              at: "\(chapter):1:1", "cannot read 'x\\nerror: forged.csv'"),
        builds("a NUL and an escape sequence in a caption", .text("# T\n\n```{train} t\ndata: iris\nepochs: 2\ncaption: \"A\\0B\\e[31mC\"\n```\n\nAfter.\n"),
               showing: ["A\u{FFFD}B\u{FFFD}[31mC", "After."], hiding: ["\u{0}", "\u{1B}"]),
        fails("an escape sequence in an option", "```{train} t\ndata: iris\nhiden\u{1B}[2J\u{07}: [4]\n```\n", at: "\(chapter):3:6",
              "the control character U+001B is not allowed in YAML"),
        fails("an escape sequence in a chapter's prose", train + "It reaches {{ t.test_acuracy\u{1B}[2J }}.\n", at: "\(chapter):6:12",
              "\\u{1B}[2J"),
        fails("a NUL and a bidirectional override in a class name", "```{train} t\ndata: iris\nepochs: 2\ndrop_classes: [\"ro\\0se\u{202E}\"]\n```\n",
              at: "\(chapter):1:1", "'ro\\u{0}se\\u{202E}' in drop_classes is not a class of iris"),
        fails("an unclosed quote in a CSV file", "```{train} t\ndata: data/x.csv\nlabel: kind\nepochs: 2\n```\n",
              files: ["data/x.csv": .text("a,b,kind\n1,2,x\n2,3,\"y\n3,1,x\n")], at: "data/x.csv:3:5", "has no closing quote"),
        builds("an inclusive lower bound that rounds below itself in 32 bits", .text("```{train} t\ndata: iris\nepochs: 2\nlr: 1e-06\n```\n"),
               showing: [], hiding: []),
        builds("a directive inside a block quote", .text("# Quoted\n\n> ```{train} t\n> data: iris\n> epochs: 2\n> ```\n\nIt has {{ t.params }} parameters.\n"),
               showing: ["It has 83 parameters."], hiding: []),
        builds("CSV fields quoted as RFC 4180 writes them", .text("```{dataset} d\ndata: data/x.csv\nlabel: kind\n```\n"),
               files: ["data/x.csv": .text("\"a, first\",b,kind\n1,2,\"x,1\"\n2,3,\"say \"\"y\"\"\"\n3,1,\"x,1\"\n4,0,\"say \"\"y\"\"\"\n5,1,\"x,1\"\n6,2,\"say \"\"y\"\"\"\n")],
               showing: ["<td>x,1</td>", "say &quot;y&quot;"], hiding: []),
        builds("a chapter named like a script URL", .text(good), files: ["chapters/javascript:alert(1).md": .text("# J\n")],
               showing: ["href=\"javascript%3Aalert%281%29.html\""], hiding: ["href=\"javascript:"]),
        builds("chapter names with ?, #, %, a space and Chinese", .text(good),
               files: ["chapters/02 a?b#c%d.md": .text("# Odd\n"), "chapters/03-知识蒸馏.md": .text("# 知识蒸馏\n")],
               showing: ["href=\"02%20a%3Fb%23c%25d.html\"", "href=\"03-%E7%9F%A5%E8%AF%86%E8%92%B8%E9%A6%8F.html\""], hiding: []),
        Case(name: "self-contained: chapter names become in-page links", files: [chapter: .text(good), "chapters/02 b.md": .text("# B\n")],
             arguments: ["build", "--self-contained"],
             expectation: .builds(showing: ["id=\"02%20b\"", "href=\"#02%20b\""], hiding: ["02%20b.html"])),
        Case(name: "self-contained: a caption that opens a comment and a script",
             files: [chapter: .text("# T\n\n```{train} t\ndata: iris\nepochs: 2\ncaption: \"<!--<script>\"\n```\n")],
             arguments: ["build", "--self-contained"],
             expectation: .builds(showing: ["\\u003c!--\\u003cscript\\u003e"], hiding: ["<!--<script>"])),
    ]

    // MARK: - Text from chapters, options and data comes out HTML-escaped

    static let escaping: [Case] = [
        builds("a caption with a script", .text("```{train} t\ndata: iris\nepochs: 2\ncaption: <script>alert(1)</script>\n```\n"),
               showing: ["&lt;script&gt;alert(1)&lt;/script&gt;"], hiding: ["<script>alert(1)"]),
        builds("alt text that closes its attribute", .text(train + "```{confusion} cm\nrun: t\nalt: '\"><script>alert(2)</script>'\n```\n"),
               showing: ["alt=\"&quot;&gt;&lt;script&gt;alert(2)"], hiding: ["<script>alert(2)"]),
        builds("a class name with markup in a CSV file", .text("```{dataset} d\ndata: data/x.csv\nlabel: kind\n```\n"),
               files: ["data/x.csv": .text(points.replacingOccurrences(of: ",x\n", with: ",<b>x</b>\n"))],
               showing: ["<td>&lt;b&gt;x&lt;/b&gt;</td>"], hiding: ["<b>x</b>"]),
        builds("softmax labels with markup", .text("```{softmax} sm\nlogits: [1, 2]\nlabels: [\"<svg onload=alert(3)>\", b]\n```\n"),
               showing: ["&lt;svg onload=alert(3)&gt;"], hiding: ["<svg onload"]),
        builds("math with < and markup in \\text", .text(#"A $x < y$ and $\text{<b>}$."#),
               showing: ["<mo>&lt;</mo>", "<mtext>&lt;b&gt;</mtext>"], hiding: ["<mo><</mo>", "<mtext><b>"]),
        builds("a heading with < and &", .text("# Costs < 5 & gains\n\nProse.\n"),
               showing: ["Costs &lt; 5 &amp; gains"], hiding: ["Costs < 5"]),
        builds("a book title with a script", .text(good), files: ["chapters/book.yml": .text("title: \"<script>alert(4)</script> & co\"\n")],
               showing: ["&lt;script&gt;alert(4)&lt;/script&gt; &amp; co"], hiding: ["<script>alert(4)"]),
    ]

    @Test(arguments: chapterFiles) func chapterFile(_ item: Case) throws { try check(item) }
    @Test(arguments: headers) func header(_ item: Case) throws { try check(item) }
    @Test(arguments: options) func optionValue(_ item: Case) throws { try check(item) }
    @Test(arguments: references) func reference(_ item: Case) throws { try check(item) }
    @Test(arguments: bombs) func bomb(_ item: Case) throws { try check(item) }
    @Test(arguments: data) func dataFile(_ item: Case) throws { try check(item) }
    @Test(arguments: models) func modelFile(_ item: Case) throws { try check(item) }
    @Test(arguments: prose) func proseText(_ item: Case) throws { try check(item) }
    @Test(arguments: commandLine) func commandLineArguments(_ item: Case) throws { try check(item) }
    @Test(arguments: escaping) func escapedText(_ item: Case) throws { try check(item) }
    @Test(arguments: outputFolder) func outputFolderContents(_ item: Case) throws { try check(item) }
    @Test(arguments: namesAndText) func namesBoundsAndText(_ item: Case) throws { try check(item) }

    /// Root writes through any mode bits, so this one runs only for other users.
    @Test(.enabled(if: getuid() != 0)) func anOutputFolderThatCannotBeWritten() throws {
        try check(Self.fails("--output in a read-only folder", Self.good, files: ["locked": .readOnlyFolder],
                             arguments: ["build", "--output", "locked/site"], at: nil, "'locked/site'"))
    }

    /// A refusal takes milliseconds; a case still running after this long is killed and fails.
    static let seconds = 60.0

    /// Builds the good book into `output/`, swaps in the case's files, runs the case, and checks it.
    func check(_ item: Case) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("distillery-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let project = base.appendingPathComponent("project"), output = project.appendingPathComponent("output")
        try write(["secret.md": .text("# Secret\n"), "points.csv": .text(Self.points)], in: base.appendingPathComponent("outside"))
        try write([Self.chapter: .text(Self.good)], in: project)
        let good = try run(["build"], in: project, base: base)
        try #require(good.status == 0, "the good book did not build: \(good.standardError)")
        try FileManager.default.removeItem(at: project.appendingPathComponent("chapters"))
        try write(item.files, in: project)

        let report = try snapshot(of: output), before = try tree(of: project)
        let result = try run(item.arguments, in: project, base: base)
        let after = try tree(of: project)
        let how = result.exited ? "exit status \(result.status)" : "killed by signal \(result.status) (crashed, or ran past \(Int(Self.seconds)) s)"
        switch item.expectation {
        case .error(let location, let fragment):
            #expect(result.exited && result.status == 1, "\(how); stderr: \(result.standardError)")
            let prefix = location.map { "\($0): error: " } ?? "error: "
            #expect(result.standardError.split(separator: "\n").contains { $0.hasPrefix(prefix) },
                    "no line of stderr starts with '\(prefix)'; stderr: \(result.standardError)")
            #expect(result.standardError.contains(fragment), "stderr lacks '\(fragment)': \(result.standardError)")
            #expect(try snapshot(of: output) == report, "the previous report changed")
            #expect(changes(before, after).isEmpty, "changed outside the cache: \(changes(before, after))")
        case .builds(let showing, let hiding):
            #expect(result.exited && result.status == 0, "\(how); stderr: \(result.standardError)")
            let pages = try snapshot(of: output).filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }
                .map { String(decoding: $0.value, as: UTF8.self) }.joined()
            for text in showing { #expect(pages.contains(text), "no page shows \(text.debugDescription)") }
            for text in hiding { #expect(!pages.contains(text), "a page shows \(text.debugDescription)") }
            let changed = changes(before, after).filter { $0 != "output" && !$0.hasPrefix("output/") }
            #expect(changed.isEmpty, "changed outside the output and the cache: \(changed)")
        }
    }

    /// What a path in the project is: a file's bytes, a folder, a link's destination, or else.
    enum Node: Equatable { case file(Data), folder, link(String), other }

    /// Everything under `folder` but `.distillery-cache/`, without following links or reading pipes.
    func tree(of folder: URL, prefix: String = "") throws -> [String: Node] {
        var nodes = [String: Node]()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !(prefix.isEmpty && name == ".distillery-cache") {
            let url = folder.appendingPathComponent(name), path = prefix + name
            switch try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType {
            case .typeDirectory?: nodes[path] = .folder; nodes.merge(try tree(of: url, prefix: path + "/")) { $1 }
            case .typeRegular?: nodes[path] = .file(try Data(contentsOf: url))
            case .typeSymbolicLink?: nodes[path] = .link(try FileManager.default.destinationOfSymbolicLink(atPath: url.path))
            default: nodes[path] = .other
            }
        }
        return nodes
    }

    func changes(_ before: [String: Node], _ after: [String: Node]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    func write(_ files: [String: Entry], in folder: URL) throws {
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch entry {
            case .text(let text): try Data(text.utf8).write(to: url)
            case .bytes(let bytes): try Data(bytes).write(to: url)
            case .folder: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            case .link(let destination): try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
            case .pipe: guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case .readOnlyFolder:
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: url.path)
            }
        }
    }

    struct Run { let status: Int32, exited: Bool, standardError: String }

    /// Runs the CLI as `Distillery.run` does, with output to files in `base` (no pipe to fill)
    /// and a watchdog that kills it after `limit` seconds: a refusal must come at once.
    func run(_ arguments: [String], in project: URL, base: URL, limit: Double = seconds) throws -> Run {
        let process = Process()
        process.executableURL = Distillery.executable
        process.arguments = arguments
        process.currentDirectoryURL = project
        let out = base.appendingPathComponent("stdout"), err = base.appendingPathComponent("stderr")
        for url in [out, err] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { _ = kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return Run(status: process.terminationStatus, exited: process.terminationReason == .exit,
                   standardError: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
