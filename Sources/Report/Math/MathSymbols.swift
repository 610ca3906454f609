/// What a control word without arguments stands for.
enum MathSymbol: Sendable {
    /// A letter (Greek, ∂, ∇): an identifier that math alphabets (`\mathbf`…) apply to.
    case letter(Unicode.Scalar)
    /// Another identifier (∞, ℓ, …).
    case identifier(String)
    /// An operator of a TeX class.
    case op(String, MathAtomClass)
    /// A delimiter used at its normal size: never stretched.
    case fence(String, MathAtomClass)
    /// A large operator; `limits` when its scripts go below and above in display style.
    case largeOp(String, limits: Bool)
    /// A function name such as `\log`; `limits` for `\lim`, `\max`…
    case function(String, limits: Bool)
    /// Horizontal space, in em.
    case space(String)
}

/// The symbol tables: which command or character gives which MathML token.
enum MathSymbols {
    static func lookup(_ name: String) -> MathSymbol? { commands[name] }

    /// The widths of TeX's spacing commands, in em (18 mu to the em).
    static let thinSpace = "0.1667em"

    static let commands: [String: MathSymbol] = {
        var table = [String: MathSymbol]()
        for (name, scalar) in greek { table[name] = .letter(scalar) }
        for (name, text) in identifiers { table[name] = .identifier(text) }
        for (name, text) in binaries { table[name] = .op(text, .bin) }
        for (name, text) in relations { table[name] = .op(text, .rel) }
        for (name, text, atomClass) in others { table[name] = .op(text, atomClass) }
        for (name, text, atomClass) in fences { table[name] = .fence(text, atomClass) }
        for (name, text, limits) in largeOperators { table[name] = .largeOp(text, limits: limits) }
        for name in functionsWithoutLimits { table[name] = .function(name, limits: false) }
        for name in functionsWithLimits { table[name] = .function(name, limits: true) }
        for (name, width) in spaces { table[name] = .space(width) }
        table["partial"] = .letter("\u{2202}")
        table["nabla"] = .letter("\u{2207}")
        table["imath"] = .letter("\u{131}")
        table["jmath"] = .letter("\u{237}")
        return table
    }()

    static let greek: [(String, Unicode.Scalar)] = [
        ("alpha", "\u{3B1}"), ("beta", "\u{3B2}"), ("gamma", "\u{3B3}"), ("delta", "\u{3B4}"),
        ("epsilon", "\u{3F5}"), ("varepsilon", "\u{3B5}"), ("zeta", "\u{3B6}"), ("eta", "\u{3B7}"),
        ("theta", "\u{3B8}"), ("vartheta", "\u{3D1}"), ("iota", "\u{3B9}"), ("kappa", "\u{3BA}"),
        ("varkappa", "\u{3F0}"), ("lambda", "\u{3BB}"), ("mu", "\u{3BC}"), ("nu", "\u{3BD}"),
        ("xi", "\u{3BE}"), ("omicron", "\u{3BF}"), ("pi", "\u{3C0}"), ("varpi", "\u{3D6}"),
        ("rho", "\u{3C1}"), ("varrho", "\u{3F1}"), ("sigma", "\u{3C3}"), ("varsigma", "\u{3C2}"),
        ("tau", "\u{3C4}"), ("upsilon", "\u{3C5}"), ("phi", "\u{3D5}"), ("varphi", "\u{3C6}"),
        ("chi", "\u{3C7}"), ("psi", "\u{3C8}"), ("omega", "\u{3C9}"), ("digamma", "\u{3DD}"),
        ("Gamma", "\u{393}"), ("Delta", "\u{394}"), ("Theta", "\u{398}"), ("Lambda", "\u{39B}"),
        ("Xi", "\u{39E}"), ("Pi", "\u{3A0}"), ("Sigma", "\u{3A3}"), ("Upsilon", "\u{3A5}"),
        ("Phi", "\u{3A6}"), ("Psi", "\u{3A8}"), ("Omega", "\u{3A9}"),
    ]

    static let identifiers: [(String, String)] = [
        ("infty", "\u{221E}"), ("ell", "\u{2113}"), ("emptyset", "\u{2205}"), ("varnothing", "\u{2205}"),
        ("top", "\u{22A4}"), ("bot", "\u{22A5}"), ("hbar", "\u{210F}"), ("aleph", "\u{2135}"),
        ("Re", "\u{211C}"), ("Im", "\u{2111}"), ("wp", "\u{2118}"),
        // Ellipses are identifiers (MathML's advice), so no operator spacing is added around them.
        ("ldots", "\u{2026}"), ("dots", "\u{2026}"), ("dotsc", "\u{2026}"), ("cdots", "\u{22EF}"),
        ("dotsb", "\u{22EF}"), ("vdots", "\u{22EE}"), ("ddots", "\u{22F1}"),
    ]

    static let binaries: [(String, String)] = [
        ("cdot", "\u{22C5}"), ("times", "\u{D7}"), ("div", "\u{F7}"), ("pm", "\u{B1}"), ("mp", "\u{2213}"),
        ("ast", "\u{2217}"), ("star", "\u{22C6}"), ("circ", "\u{2218}"), ("bullet", "\u{2219}"),
        ("odot", "\u{2299}"), ("otimes", "\u{2297}"), ("oplus", "\u{2295}"), ("ominus", "\u{2296}"),
        ("setminus", "\u{2216}"), ("cap", "\u{2229}"), ("cup", "\u{222A}"), ("sqcap", "\u{2293}"),
        ("sqcup", "\u{2294}"), ("uplus", "\u{228E}"), ("land", "\u{2227}"), ("wedge", "\u{2227}"),
        ("lor", "\u{2228}"), ("vee", "\u{2228}"), ("dagger", "\u{2020}"), ("ddagger", "\u{2021}"),
        ("amalg", "\u{2A3F}"), ("diamond", "\u{22C4}"), ("bigtriangleup", "\u{25B3}"),
    ]

    static let relations: [(String, String)] = [
        ("le", "\u{2264}"), ("leq", "\u{2264}"), ("ge", "\u{2265}"), ("geq", "\u{2265}"),
        ("leqslant", "\u{2A7D}"), ("geqslant", "\u{2A7E}"), ("ne", "\u{2260}"), ("neq", "\u{2260}"),
        ("approx", "\u{2248}"), ("sim", "\u{223C}"), ("simeq", "\u{2243}"), ("cong", "\u{2245}"),
        ("equiv", "\u{2261}"), ("propto", "\u{221D}"), ("doteq", "\u{2250}"), ("triangleq", "\u{225C}"),
        ("coloneqq", "\u{2254}"), ("asymp", "\u{224D}"), ("lesssim", "\u{2272}"), ("gtrsim", "\u{2273}"),
        ("ll", "\u{226A}"), ("gg", "\u{226B}"), ("prec", "\u{227A}"), ("succ", "\u{227B}"),
        ("preceq", "\u{2AAF}"), ("succeq", "\u{2AB0}"),
        ("in", "\u{2208}"), ("notin", "\u{2209}"), ("ni", "\u{220B}"), ("subset", "\u{2282}"),
        ("subseteq", "\u{2286}"), ("supset", "\u{2283}"), ("supseteq", "\u{2287}"),
        ("subsetneq", "\u{228A}"), ("supsetneq", "\u{228B}"),
        ("to", "\u{2192}"), ("rightarrow", "\u{2192}"), ("leftarrow", "\u{2190}"), ("gets", "\u{2190}"),
        ("leftrightarrow", "\u{2194}"), ("Rightarrow", "\u{21D2}"), ("Leftarrow", "\u{21D0}"),
        ("Leftrightarrow", "\u{21D4}"), ("iff", "\u{27FA}"), ("implies", "\u{27F9}"),
        ("impliedby", "\u{27F8}"), ("longrightarrow", "\u{27F6}"), ("longleftarrow", "\u{27F5}"),
        ("Longrightarrow", "\u{27F9}"), ("Longleftarrow", "\u{27F8}"), ("mapsto", "\u{21A6}"),
        ("longmapsto", "\u{27FC}"), ("uparrow", "\u{2191}"), ("downarrow", "\u{2193}"),
        ("hookrightarrow", "\u{21AA}"), ("rightleftharpoons", "\u{21CC}"),
        ("mid", "\u{2223}"), ("nmid", "\u{2224}"), ("parallel", "\u{2225}"), ("perp", "\u{22A5}"),
        ("models", "\u{22A8}"), ("vdash", "\u{22A2}"), ("dashv", "\u{22A3}"),
    ]

    /// Operators of other classes. TeX's ordinary symbols that MathML would space as operators
    /// get zero `lspace`/`rspace` in the writer (see `MathMLWriter.ordinaryOperators`).
    static let others: [(String, String, MathAtomClass)] = [
        ("forall", "\u{2200}", .ord), ("exists", "\u{2203}", .ord), ("nexists", "\u{2204}", .ord),
        ("neg", "\u{AC}", .ord), ("lnot", "\u{AC}", .ord), ("prime", "\u{2032}", .ord),
        ("colon", ":", .punct), ("backslash", "\\", .ord), ("angle", "\u{2220}", .ord),
        ("triangle", "\u{25B3}", .ord), ("%", "%", .ord), ("$", "$", .ord), ("#", "#", .ord),
        ("&", "&", .ord), ("_", "_", .ord),
    ]

    static let fences: [(String, String, MathAtomClass)] = [
        ("{", "{", .open), ("}", "}", .close), ("lbrace", "{", .open), ("rbrace", "}", .close),
        ("lbrack", "[", .open), ("rbrack", "]", .close), ("langle", "\u{27E8}", .open),
        ("rangle", "\u{27E9}", .close), ("|", "\u{2016}", .ord), ("Vert", "\u{2016}", .ord),
        ("lVert", "\u{2016}", .open), ("rVert", "\u{2016}", .close), ("vert", "|", .ord),
        ("lvert", "|", .open), ("rvert", "|", .close), ("lfloor", "\u{230A}", .open),
        ("rfloor", "\u{230B}", .close), ("lceil", "\u{2308}", .open), ("rceil", "\u{2309}", .close),
    ]

    static let largeOperators: [(String, String, Bool)] = [
        ("sum", "\u{2211}", true), ("prod", "\u{220F}", true), ("coprod", "\u{2210}", true),
        ("bigcup", "\u{22C3}", true), ("bigcap", "\u{22C2}", true), ("bigvee", "\u{22C1}", true),
        ("bigwedge", "\u{22C0}", true), ("bigoplus", "\u{2A01}", true), ("bigotimes", "\u{2A02}", true),
        ("bigodot", "\u{2A00}", true), ("biguplus", "\u{2A04}", true), ("bigsqcup", "\u{2A06}", true),
        ("int", "\u{222B}", false), ("iint", "\u{222C}", false), ("iiint", "\u{222D}", false),
        ("oint", "\u{222E}", false),
    ]

    static let functionsWithoutLimits = [
        "arccos", "arcsin", "arctan", "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "dim",
        "exp", "hom", "ker", "lg", "ln", "log", "sec", "sin", "sinh", "tan", "tanh",
    ]

    /// `\argmax` and `\argmin` are not LaTeX's, but tutorials define them everywhere.
    static let functionsWithLimits = [
        "det", "gcd", "inf", "lim", "max", "min", "Pr", "sup", "argmax", "argmin",
    ]

    static let spaces: [(String, String)] = [
        (",", thinSpace), ("thinspace", thinSpace), (":", "0.2222em"), (">", "0.2222em"),
        ("medspace", "0.2222em"), (";", "0.2778em"), ("thickspace", "0.2778em"), ("!", "-0.1667em"),
        ("negthinspace", "-0.1667em"), (" ", "0.3333em"), ("\n", "0.3333em"), ("\t", "0.3333em"), ("enspace", "0.5em"), ("quad", "1em"),
        ("qquad", "2em"),
    ]

    /// Delimiters MathML Core would stretch to their neighbours' height; TeX keeps them at
    /// their normal size unless `\left`/`\right`/`\big` ask.
    static let stretchyByDefault: Set<String> = [
        "(", ")", "[", "]", "{", "}", "|", "\u{2016}", "\u{27E8}", "\u{27E9}", "\u{230A}", "\u{230B}",
        "\u{2308}", "\u{2309}",
    ]

    /// Characters TeX spaces as ordinary symbols but MathML Core's dictionary would space as
    /// operators (`|` as a relation, `/` as a binary operator, `.` with thin spaces…).
    static let unspaced: Set<String> = ["|", "/", ".", "?", "@", "%", "$", "#", "&", "_", "\\"]

    /// The `<mo>` for a symbol at its normal size, with the attributes that keep it so.
    static func plain(_ text: String, _ atomClass: MathAtomClass) -> MathOperator {
        var attributes = [MathAttribute]()
        if unspaced.contains(text) {
            attributes += [MathAttribute("lspace", "0"), MathAttribute("rspace", "0")]
        }
        if stretchyByDefault.contains(text) { attributes.append(MathAttribute("stretchy", "false")) }
        return MathOperator(text: text, atomClass: atomClass, attributes: attributes)
    }

    /// The operator for a character typed in math: ASCII punctuation, or a symbol such as `≤`
    /// typed directly. Nil for a character TeX math does not accept.
    static func character(_ text: String) -> MathOperator? {
        switch text {
        case "+": MathOperator(text: "+", atomClass: .bin)
        case "-": MathOperator(text: "\u{2212}", atomClass: .bin)
        case "*": MathOperator(text: "\u{2217}", atomClass: .bin)
        case "=", "<", ">": MathOperator(text: text, atomClass: .rel)
        // TeX's `:` is a relation; MathML's dictionary would space it as punctuation.
        case ":": MathOperator(text: ":", atomClass: .rel, attributes: [
            MathAttribute("lspace", "0.2778em"), MathAttribute("rspace", "0.2778em"),
        ])
        case ",", ";": MathOperator(text: text, atomClass: .punct)
        case "!", "?": MathOperator(text: text, atomClass: .close)
        case ".", "/", "@": MathOperator(text: text, atomClass: .ord)
        case "(", "[": MathOperator(text: text, atomClass: .open)
        case ")", "]": MathOperator(text: text, atomClass: .close)
        case "|": MathOperator(text: "|", atomClass: .ord)
        case "\"", "#", "$", "%", "`": nil
        default:
            if let scalar = text.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F { nil } else {
                MathOperator(text: text, atomClass: classOfTypedSymbol[text] ?? .ord)
            }
        }
    }

    /// Classes of the table's symbols when typed as Unicode characters (`≤` for `\le`).
    static let classOfTypedSymbol: [String: MathAtomClass] = {
        var table = [String: MathAtomClass]()
        for (_, text) in binaries { table[text] = .bin }
        for (_, text) in relations { table[text] = .rel }
        table["\u{2212}"] = .bin
        return table
    }()

    /// The delimiters `\left`, `\right`, `\middle` and `\big…` accept: a character or command
    /// name, to the character drawn; `.` is no delimiter.
    static func delimiter(_ token: MathToken.Kind) -> String? {
        switch token {
        case .symbol(let text):
            switch text {
            case "(", ")", "[", "]", "|", "/", ".": return text
            case "<": return "\u{27E8}"
            case ">": return "\u{27E9}"
            default: return nil
            }
        case .command(let name):
            if case .fence(let text, _)? = commands[name] { return text }
            return name == "backslash" ? "\\" : nil
        default:
            return nil
        }
    }

    /// Relations `\not` can strike through, to their negated characters.
    static let negations: [String: String] = [
        "=": "\u{2260}", "<": "\u{226E}", ">": "\u{226F}", "\u{2208}": "\u{2209}", "\u{2282}": "\u{2284}",
        "\u{2283}": "\u{2285}", "\u{2286}": "\u{2288}", "\u{2287}": "\u{2289}", "\u{2261}": "\u{2262}",
        "\u{223C}": "\u{2241}", "\u{2248}": "\u{2249}", "\u{2243}": "\u{2244}", "\u{2245}": "\u{2247}",
        "\u{2264}": "\u{2270}", "\u{2265}": "\u{2271}", "\u{2223}": "\u{2224}", "\u{2225}": "\u{2226}",
        "\u{220B}": "\u{220C}", "\u{227A}": "\u{2280}", "\u{227B}": "\u{2281}",
    ]
}
