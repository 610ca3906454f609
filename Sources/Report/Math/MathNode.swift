/// TeX's classes of math atoms. They decide the small spacing fixes the writer makes where
/// MathML Core's operator dictionary alone would space a formula differently from TeX.
enum MathAtomClass: Sendable, Equatable {
    case ord, largeOp, function, bin, rel, open, close, punct, inner
}

/// One attribute of an element, written as `name="value"`.
struct MathAttribute: Sendable, Equatable {
    let name: String
    let value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An `<mo>`: its text, its TeX class, and the attributes it always carries.
struct MathOperator: Sendable, Equatable {
    var text: String
    var atomClass: MathAtomClass
    var attributes: [MathAttribute] = []
}

/// A table environment: rows of cells, each cell a list of nodes.
struct MathTable: Sendable {
    enum Layout: Sendable, Equatable {
        /// `aligned`: display style, columns alternately right- and left-aligned.
        case aligned
        /// `gathered`: display style, one centred column.
        case gathered
        /// `cases`: text style, left-aligned columns.
        case cases
        /// The matrices: text style, centred columns.
        case matrix
    }

    let layout: Layout
    let rows: [[[MathNode]]]
}

/// The parsed formula: a small tree close to the MathML it becomes.
indirect enum MathNode: Sendable {
    /// `<mi>`; `upright` asks for `mathvariant="normal"` where one character would be italic.
    case identifier(String, upright: Bool, atomClass: MathAtomClass)
    /// `<mn>`.
    case number(String)
    /// `<mo>`.
    case op(MathOperator)
    /// `<mtext>`.
    case text(String)
    /// `<mspace>` of a width in em (negative for `\!`).
    case space(em: String)
    /// A braced group, or any list that must stand as one child: `<mrow>`.
    case group([MathNode])
    /// `<mfrac>`; `lineThickness` is `"0"` for `\binom`.
    case fraction(MathNode, MathNode, lineThickness: String?)
    /// `<msqrt>` of a list.
    case sqrt([MathNode])
    /// `<mroot>`.
    case root(MathNode, index: MathNode)
    /// `<msub>`/`<msup>`/`<msubsup>`, or with `limits` `<munder>`/`<mover>`/`<munderover>`.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// `<mover accent="true">` (or `<munder accentunder="true">` when not `over`).
    case accent(base: MathNode, MathOperator, over: Bool)
    /// `\overline`/`\underline`: a rule above or below, drawn as a border (fonts rarely
    /// stretch an overline character, and Chromium then draws it the width of one letter).
    case rule(MathNode, over: Bool)
    /// A base with primes (`f'`): written as the base followed by `<mo>′</mo>`, not as a
    /// superscript, which Chromium draws small and too high (it does not apply the font's
    /// `ssty` prime). One `<mrow>` where it must be one child (under further scripts).
    case primed(MathNode, primes: String)
    /// `\left … \right` (and what is drawn like it): delimiters around a list, in one `<mrow>`.
    case fenced(open: MathOperator?, body: [MathNode], close: MathOperator?)
    /// `<mtable>`.
    case table(MathTable)
    /// `<mstyle>`: `\displaystyle` and friends, `\dfrac` where the style must change.
    case style(display: Bool, scriptLevel: Int?, [MathNode])

    /// A list as one node: itself when it has one element, else a group.
    static func row(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .group(nodes)
    }

    /// The node's class for spacing; `nil` for spaces, which TeX's spacing rules skip over.
    var atomClass: MathAtomClass? {
        switch self {
        case .identifier(_, _, let atomClass): atomClass
        case .op(let op): op.atomClass
        case .space: nil
        case .scripts(let base, _, _, _), .primed(let base, _): base.atomClass ?? .ord
        case .fenced: .inner
        case .number, .text, .group, .fraction, .sqrt, .root, .accent, .rule, .table, .style: .ord
        }
    }
}
