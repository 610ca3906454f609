import Testing
@testable import Report

/// The TeX → MathML Core translation. Expected strings are the spec, written by hand.
@Suite struct MathMLTests {
    /// What `<semantics>` holds before the annotation, for `tex` (the envelope has its own tests).
    func inner(_ tex: String, display: Bool = false) throws -> String {
        let full = try MathTranslator.mathML(tex, display: display)
        let head = display ? #"<math display="block"><semantics>"# : "<math><semantics>"
        #expect(full.hasPrefix(head))
        #expect(full.hasSuffix("</annotation></semantics></math>"))
        guard let annotation = full.firstRange(of: "<annotation ") else { return full }
        return String(full[full.index(full.startIndex, offsetBy: head.count)..<annotation.lowerBound])
    }

    /// The error for `tex`, or nil if it translates.
    func failure(_ tex: String, display: Bool = false) -> MathSyntaxError? {
        do {
            _ = try MathTranslator.mathML(tex, display: display)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - The envelope

    @Test func inlineFormulaIsOneMathElementWithItsTeX() throws {
        #expect(try MathTranslator.mathML("x", display: false)
            == #"<math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math>"#)
    }

    @Test func displayFormulaIsABlockAndEscapesItsTeX() throws {
        #expect(try MathTranslator.mathML("a<b", display: true)
            == #"<math display="block"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a&lt;b</annotation></semantics></math>"#)
    }

    @Test func emptyFormulaIsAnEmptyRow() throws {
        #expect(try MathTranslator.mathML("", display: false)
            == #"<math><semantics><mrow></mrow><annotation encoding="application/x-tex"></annotation></semantics></math>"#)
    }

    @Test func outputHasNoLineBreaksEvenWhenTheTeXHas() throws {
        let out = try MathTranslator.mathML("x\n+ y", display: true)
        #expect(out == #"<math display="block"><semantics><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow><annotation encoding="application/x-tex">x&#xA;+ y</annotation></semantics></math>"#)
        #expect(!out.contains("\n"))
    }

    @Test func theAnnotationEscapesMarkup() throws {
        #expect(try MathTranslator.mathML(#"\begin{matrix}a&b\end{matrix}"#, display: false).hasSuffix(
            #"<annotation encoding="application/x-tex">\begin{matrix}a&amp;b\end{matrix}</annotation></semantics></math>"#))
    }

    // MARK: - Letters, numbers, operators

    @Test func lettersAreOneIdentifierEach() throws {
        #expect(try inner("x") == "<mi>x</mi>")
        #expect(try inner("ab") == "<mrow><mi>a</mi><mi>b</mi></mrow>")
        #expect(try inner("2x") == "<mrow><mn>2</mn><mi>x</mi></mrow>")
    }

    @Test func digitsAndADecimalPointMakeOneNumber() throws {
        #expect(try inner("3.14") == "<mn>3.14</mn>")
        #expect(try inner("1000") == "<mn>1000</mn>")
        #expect(try inner("x.") == #"<mrow><mi>x</mi><mo lspace="0" rspace="0">.</mo></mrow>"#)
    }

    @Test func operatorsAndTheMinusSign() throws {
        #expect(try inner("a+b-c=d") == "<mrow><mi>a</mi><mo>+</mo><mi>b</mi><mo>−</mo><mi>c</mi><mo>=</mo><mi>d</mi></mrow>")
        #expect(try inner("a<b>c") == "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>&gt;</mo><mi>c</mi></mrow>")
        #expect(try inner("n!;") == "<mrow><mi>n</mi><mo>!</mo><mo>;</mo></mrow>")
        #expect(try inner("a/b") == #"<mrow><mi>a</mi><mo lspace="0" rspace="0">/</mo><mi>b</mi></mrow>"#)
    }

    @Test func delimitersKeepTheirSizeAndBarsAreNotRelations() throws {
        #expect(try inner("(a,b]") == #"<mrow><mo stretchy="false">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy="false">]</mo></mrow>"#)
        #expect(try inner("|x|") == #"<mrow><mo lspace="0" rspace="0" stretchy="false">|</mo><mi>x</mi><mo lspace="0" rspace="0" stretchy="false">|</mo></mrow>"#)
        #expect(try inner(#"\|x\|"#) == #"<mrow><mo stretchy="false">‖</mo><mi>x</mi><mo stretchy="false">‖</mo></mrow>"#)
        #expect(try inner(#"\{x : x > 0\}"#) == #"<mrow><mo stretchy="false">{</mo><mi>x</mi><mo lspace="0.2778em" rspace="0.2778em">:</mo><mi>x</mi><mo>&gt;</mo><mn>0</mn><mo stretchy="false">}</mo></mrow>"#)
    }

    @Test func aMinusAfterARelationOrAnOpeningIsASign() throws {
        #expect(try inner("a=-b") == #"<mrow><mi>a</mi><mo>=</mo><mo form="prefix">−</mo><mi>b</mi></mrow>"#)
        #expect(try inner("(-1)") == #"<mrow><mo stretchy="false">(</mo><mo form="prefix">−</mo><mn>1</mn><mo stretchy="false">)</mo></mrow>"#)
        #expect(try inner("-x") == "<mrow><mo>−</mo><mi>x</mi></mrow>")
    }

    @Test func primesFollowTheirBase() throws {
        #expect(try inner("f'") == "<mrow><mi>f</mi><mo>′</mo></mrow>")
        #expect(try inner("f'(x)") == #"<mrow><mi>f</mi><mo>′</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#)
        #expect(try inner("f''") == "<mrow><mi>f</mi><mo>″</mo></mrow>")
        #expect(try inner("f'^2") == "<msup><mrow><mi>f</mi><mo>′</mo></mrow><mn>2</mn></msup>")
    }

    // MARK: - Scripts

    @Test func subscriptsAndSuperscripts() throws {
        #expect(try inner("x_i") == "<msub><mi>x</mi><mi>i</mi></msub>")
        #expect(try inner("x^2") == "<msup><mi>x</mi><mn>2</mn></msup>")
        #expect(try inner("x_i^2") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        #expect(try inner("x^{2}_{i}") == "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        #expect(try inner("x^{n+1}") == "<msup><mi>x</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></msup>")
        #expect(try inner("e^{-x}") == "<msup><mi>e</mi><mrow><mo>−</mo><mi>x</mi></mrow></msup>")
        #expect(try inner("x_{i_j}") == "<msub><mi>x</mi><msub><mi>i</mi><mi>j</mi></msub></msub>")
    }

    @Test func aScriptWithoutBracesIsOneToken() throws {
        #expect(try inner("x^23") == "<mrow><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></mrow>")
        #expect(try inner("{}^2") == "<msup><mrow></mrow><mn>2</mn></msup>")
    }

    // MARK: - Fractions, roots, binomials

    @Test func fractions() throws {
        #expect(try inner(#"\frac{a}{b}"#) == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        #expect(try inner(#"\frac12"#) == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(try inner(#"\frac{a+b}{2}"#) == "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>")
    }

    @Test func displayAndTextFractionsChangeTheStyleOnlyWhereNeeded() throws {
        #expect(try inner(#"\dfrac{1}{2}"#) == #"<mstyle displaystyle="true"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#)
        #expect(try inner(#"\dfrac{1}{2}"#, display: true) == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(try inner(#"\tfrac{1}{2}"#, display: true) == #"<mstyle displaystyle="false"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#)
        #expect(try inner(#"\tfrac{1}{2}"#) == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
        #expect(try inner(#"x^{\dfrac12}"#) == #"<msup><mi>x</mi><mstyle displaystyle="true" scriptlevel="0"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle></msup>"#)
    }

    @Test func roots() throws {
        #expect(try inner(#"\sqrt{x}"#) == "<msqrt><mi>x</mi></msqrt>")
        #expect(try inner(#"\sqrt{x^2+1}"#) == "<msqrt><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn></msqrt>")
        #expect(try inner(#"\sqrt[n]{x}"#) == "<mroot><mi>x</mi><mi>n</mi></mroot>")
        #expect(try inner(#"\sqrt[3]{a+b}"#) == "<mroot><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>3</mn></mroot>")
    }

    @Test func binomials() throws {
        #expect(try inner(#"\binom{n}{k}"#) == #"<mrow><mo fence="true" form="prefix" stretchy="true">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo fence="true" form="postfix" stretchy="true">)</mo></mrow>"#)
    }

    // MARK: - Greek

    @Test func lowercaseGreekIsItalicLikeLetters() throws {
        #expect(try inner(#"\alpha\beta\omega"#) == "<mrow><mi>α</mi><mi>β</mi><mi>ω</mi></mrow>")
        #expect(try inner(#"\varepsilon\epsilon\vartheta\varphi\phi\varsigma\varrho\varpi"#)
            == "<mrow><mi>ε</mi><mi>ϵ</mi><mi>ϑ</mi><mi>φ</mi><mi>ϕ</mi><mi>ς</mi><mi>ϱ</mi><mi>ϖ</mi></mrow>")
    }

    @Test func capitalGreekIsUpright() throws {
        let capitals = "ΓΔΘΛΞΠΣΥΦΨΩ".map { #"<mi mathvariant="normal">"# + String($0) + "</mi>" }.joined()
        #expect(try inner(#"\Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Upsilon\Phi\Psi\Omega"#) == "<mrow>" + capitals + "</mrow>")
    }

    // MARK: - Large operators and limits

    @Test func sumsTakeLimitsBelowOnlyInDisplay() throws {
        #expect(try inner(#"\sum_{i=1}^{n} x_i"#)
            == "<mrow><msubsup><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub></mrow>")
        #expect(try inner(#"\sum_{i=1}^{n} x_i"#, display: true)
            == "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>")
        #expect(try inner(#"\prod_k"#, display: true) == "<munder><mo>∏</mo><mi>k</mi></munder>")
        #expect(try inner(#"\bigcup_{i}"#, display: true) == "<munder><mo>⋃</mo><mi>i</mi></munder>")
    }

    @Test func limitsAndNolimitsOverrideTheStyle() throws {
        #expect(try inner(#"\sum\limits_i"#) == "<munder><mo>∑</mo><mi>i</mi></munder>")
        #expect(try inner(#"\sum\nolimits_i"#, display: true) == "<msub><mo>∑</mo><mi>i</mi></msub>")
    }

    @Test func integralsKeepTheirLimitsBeside() throws {
        #expect(try inner(#"\int_0^1 f(x)\,dx"#, display: true)
            == #"<mrow><msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo><mspace width="0.1667em"/><mi>d</mi><mi>x</mi></mrow>"#)
    }

    @Test func aSumInADisplayedFractionIsInTextStyle() throws {
        #expect(try inner(#"\frac{\sum_i a_i}{n}"#, display: true)
            == "<mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><msub><mi>a</mi><mi>i</mi></msub></mrow><mi>n</mi></mfrac>")
    }

    @Test func limitsOfFunctionNames() throws {
        #expect(try inner(#"\lim_{x\to 0} f(x)"#, display: true)
            == #"<mrow><munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>f</mi><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#)
        #expect(try inner(#"\lim_{n\to\infty} a_n"#)
            == #"<mrow><msub><mi>lim</mi><mrow><mi>n</mi><mo>→</mo><mi>∞</mi></mrow></msub><mo>&#x2061;</mo><mspace width="0.1667em"/><msub><mi>a</mi><mi>n</mi></msub></mrow>"#)
        #expect(try inner(#"\operatorname*{argmax}_{\theta} L"#, display: true)
            == #"<mrow><munder><mi>argmax</mi><mi>θ</mi></munder><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>L</mi></mrow>"#)
        #expect(try inner(#"\operatorname*{argmax}_\theta"#) == "<msub><mi>argmax</mi><mi>θ</mi></msub>")
        #expect(try inner(#"\max_i"#, display: true) == "<munder><mi>max</mi><mi>i</mi></munder>")
    }

    // MARK: - Function names

    @Test func functionNamesAreUprightAndApplied() throws {
        #expect(try inner(#"\log x"#) == #"<mrow><mi>log</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#)
        #expect(try inner(#"\sin(x)"#) == #"<mrow><mi>sin</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#)
        #expect(try inner(#"\sin^2 x"#) == #"<mrow><msup><mi>sin</mi><mn>2</mn></msup><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#)
        #expect(try inner(#"\exp"#) == "<mi>exp</mi>")
    }

    @Test func functionNamesAreSpacedFromOrdinaryNeighbours() throws {
        #expect(try inner(#"2\sin x"#) == #"<mrow><mn>2</mn><mspace width="0.1667em"/><mi>sin</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi></mrow>"#)
        #expect(try inner(#"\ln x \det A \Pr"#)
            == #"<mrow><mi>ln</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>x</mi><mspace width="0.1667em"/><mi>det</mi><mo>&#x2061;</mo><mspace width="0.1667em"/><mi>A</mi><mspace width="0.1667em"/><mi>Pr</mi></mrow>"#)
    }

    @Test func operatorNames() throws {
        #expect(try inner(#"\operatorname{softmax}(z)"#) == #"<mrow><mi>softmax</mi><mo>&#x2061;</mo><mo stretchy="false">(</mo><mi>z</mi><mo stretchy="false">)</mo></mrow>"#)
        #expect(try inner(#"\operatorname{E}[X]"#) == #"<mrow><mi mathvariant="normal">E</mi><mo>&#x2061;</mo><mo stretchy="false">[</mo><mi>X</mi><mo stretchy="false">]</mo></mrow>"#)
        #expect(try inner(#"\operatorname{arg\,max}"#) == "<mi>arg&#x2009;max</mi>")
    }

    // MARK: - Text and math alphabets

    @Test func textKeepsItsSpaces() throws {
        #expect(try inner(#"x \text{ if } y"#) == "<mrow><mi>x</mi><mtext>&#xA0;if&#xA0;</mtext><mi>y</mi></mrow>")
        #expect(try inner(#"\text{a<b,  50\% off}"#) == "<mtext>a&lt;b, 50% off</mtext>")
    }

    @Test func romanIsUpright() throws {
        #expect(try inner(#"\mathrm{KL}"#) == "<mi>KL</mi>")
        #expect(try inner(#"\mathrm{d}x"#) == #"<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>"#)
    }

    @Test func alphabetsUseMathematicalAlphanumerics() throws {
        #expect(try inner(#"\mathbf{x}\mathbf{W}\mathbf{1}"#) == "<mrow><mi>𝐱</mi><mi>𝐖</mi><mn>𝟏</mn></mrow>")
        #expect(try inner(#"\boldsymbol{\theta}\boldsymbol{x}\boldsymbol{\Sigma}"#) == "<mrow><mi>𝜽</mi><mi>𝒙</mi><mi>𝚺</mi></mrow>")
        #expect(try inner(#"\mathit{x}\mathfrak{g}\mathsf{A}\mathtt{x}"#) == "<mrow><mi>𝑥</mi><mi>𝔤</mi><mi>𝖠</mi><mi>𝚡</mi></mrow>")
    }

    @Test func alphabetsTakeTheLetterlikeCharactersForTheirHoles() throws {
        #expect(try inner(#"\mathcal{A}\mathcal{L}\mathcal{D}"#) == "<mrow><mi>𝒜</mi><mi>ℒ</mi><mi>𝒟</mi></mrow>")
        #expect(try inner(#"\mathbb{R}\mathbb{E}\mathbb{N}"#) == "<mrow><mi>ℝ</mi><mi>𝔼</mi><mi>ℕ</mi></mrow>")
        #expect(try inner(#"\mathit{h}"#) == "<mi>ℎ</mi>")
    }

    // MARK: - \left … \right

    @Test func leftAndRightStretch() throws {
        #expect(try inner(#"\left( \frac{a}{b} \right)"#) == #"<mrow><mo fence="true" form="prefix" stretchy="true">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo fence="true" form="postfix" stretchy="true">)</mo></mrow>"#)
        #expect(try inner(#"\left\{ x \right\rangle"#) == #"<mrow><mo fence="true" form="prefix" stretchy="true">{</mo><mi>x</mi><mo fence="true" form="postfix" stretchy="true">⟩</mo></mrow>"#)
        #expect(try inner(#"\left\lVert x \right\|"#) == #"<mrow><mo fence="true" form="prefix" stretchy="true">‖</mo><mi>x</mi><mo fence="true" form="postfix" stretchy="true">‖</mo></mrow>"#)
    }

    @Test func aDotIsNoDelimiterAndScriptsGoOnTheWholeGroup() throws {
        #expect(try inner(#"\left. \frac{df}{dx} \right|_{x=0}"#)
            == #"<msub><mrow><mfrac><mrow><mi>d</mi><mi>f</mi></mrow><mrow><mi>d</mi><mi>x</mi></mrow></mfrac><mo fence="true" form="postfix" stretchy="true">|</mo></mrow><mrow><mi>x</mi><mo>=</mo><mn>0</mn></mrow></msub>"#)
    }

    @Test func middleStretchesWithoutSpace() throws {
        #expect(try inner(#"p\left(y \middle| x\right)"#)
            == #"<mrow><mi>p</mi><mrow><mo fence="true" form="prefix" stretchy="true">(</mo><mi>y</mi><mo lspace="0" rspace="0" stretchy="true" symmetric="true">|</mo><mi>x</mi><mo fence="true" form="postfix" stretchy="true">)</mo></mrow></mrow>"#)
    }

    @Test func bigDelimitersHaveAFixedSize() throws {
        #expect(try inner(#"\big( x \Bigr]"#)
            == #"<mrow><mo maxsize="1.2em" minsize="1.2em" stretchy="true" symmetric="true">(</mo><mi>x</mi><mo maxsize="1.8em" minsize="1.8em" stretchy="true" symmetric="true">]</mo></mrow>"#)
    }

    // MARK: - Spaces

    @Test func spacingCommands() throws {
        #expect(try inner(#"a\,b\:c\;d\!e\quad f\qquad g~h"#)
            == #"<mrow><mi>a</mi><mspace width="0.1667em"/><mi>b</mi><mspace width="0.2222em"/><mi>c</mi><mspace width="0.2778em"/><mi>d</mi><mspace style="margin-left:-0.1667em"/><mi>e</mi><mspace width="1em"/><mi>f</mi><mspace width="2em"/><mi>g</mi><mspace width="0.3333em"/><mi>h</mi></mrow>"#)
    }

    // MARK: - Symbols

    @Test(arguments: [
        (#"\cdot"#, "⋅"), (#"\times"#, "×"), (#"\div"#, "÷"), (#"\pm"#, "±"), (#"\mp"#, "∓"), (#"\le"#, "≤"),
        (#"\leq"#, "≤"), (#"\ge"#, "≥"), (#"\geq"#, "≥"), (#"\ne"#, "≠"), (#"\neq"#, "≠"), (#"\approx"#, "≈"),
        (#"\sim"#, "∼"), (#"\simeq"#, "≃"), (#"\equiv"#, "≡"), (#"\propto"#, "∝"), (#"\in"#, "∈"), (#"\notin"#, "∉"),
        (#"\subset"#, "⊂"), (#"\subseteq"#, "⊆"), (#"\to"#, "→"), (#"\rightarrow"#, "→"), (#"\leftarrow"#, "←"),
        (#"\Rightarrow"#, "⇒"), (#"\Leftarrow"#, "⇐"), (#"\iff"#, "⟺"), (#"\mapsto"#, "↦"), (#"\mid"#, "∣"),
        (#"\circ"#, "∘"), (#"\ast"#, "∗"), (#"\star"#, "⋆"), (#"\odot"#, "⊙"), (#"\otimes"#, "⊗"), (#"\oplus"#, "⊕"),
        (#"\dagger"#, "†"), (#"\setminus"#, "∖"), (#"\cap"#, "∩"), (#"\cup"#, "∪"), (#"\land"#, "∧"), (#"\lor"#, "∨"),
        (#"\neg"#, "¬"), (#"\forall"#, "∀"), (#"\exists"#, "∃"), (#"\prime"#, "′"), (#"\not="#, "≠"),
    ])
    func operatorCommands(command: String, character: String) throws {
        #expect(try inner("a" + command + " b") == "<mrow><mi>a</mi><mo>" + character + "</mo><mi>b</mi></mrow>")
    }

    @Test(arguments: [
        (#"\partial"#, "∂"), (#"\infty"#, "∞"), (#"\ell"#, "ℓ"), (#"\ldots"#, "…"), (#"\dots"#, "…"), (#"\cdots"#, "⋯"),
        (#"\vdots"#, "⋮"), (#"\ddots"#, "⋱"), (#"\top"#, "⊤"), (#"\emptyset"#, "∅"),
    ])
    func identifierCommands(command: String, character: String) throws {
        #expect(try inner(command) == "<mi>" + character + "</mi>")
    }

    @Test func nablaIsUpright() throws {
        #expect(try inner(#"\nabla_\theta"#) == #"<msub><mi mathvariant="normal">∇</mi><mi>θ</mi></msub>"#)
    }

    @Test(arguments: [(#"\langle"#, "⟨"), (#"\rangle"#, "⟩"), (#"\lVert"#, "‖"), (#"\rVert"#, "‖")])
    func fenceCommands(command: String, character: String) throws {
        #expect(try inner(command) == #"<mo stretchy="false">"# + character + "</mo>")
    }

    // MARK: - Accents

    @Test func accents() throws {
        #expect(try inner(#"\hat{x}"#) == #"<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover>"#)
        #expect(try inner(#"\hat\theta"#) == #"<mover accent="true"><mi>θ</mi><mo stretchy="false">^</mo></mover>"#)
        #expect(try inner(#"\widehat{xy}"#) == #"<mover accent="true"><mrow><mi>x</mi><mi>y</mi></mrow><mo>&#x302;</mo></mover>"#)
        #expect(try inner(#"\bar{x}"#) == #"<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover>"#)
        #expect(try inner(#"\tilde{x}"#) == #"<mover accent="true"><mi>x</mi><mo stretchy="false">˜</mo></mover>"#)
        #expect(try inner(#"\widetilde{W}"#) == #"<mover accent="true"><mi>W</mi><mo>˜</mo></mover>"#)
        #expect(try inner(#"\vec{v}"#) == #"<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>"#)
        #expect(try inner(#"\dot{x}\ddot{x}"#) == #"<mrow><mover accent="true"><mi>x</mi><mo>˙</mo></mover><mover accent="true"><mi>x</mi><mo>¨</mo></mover></mrow>"#)
    }

    @Test func overlineAndUnderlineAreBorders() throws {
        #expect(try inner(#"\overline{AB}"#) == #"<mrow style="border-top:0.05em solid;padding-top:0.12em"><mi>A</mi><mi>B</mi></mrow>"#)
        #expect(try inner(#"\underline{x}"#) == #"<mrow style="border-bottom:0.05em solid;padding-bottom:0.12em"><mi>x</mi></mrow>"#)
    }

    // MARK: - Environments

    let right = #"<mtd style="text-align:right;justify-items:end;padding:0.5ex 0">"#
    let left = #"<mtd style="text-align:left;justify-items:start;padding:0.5ex 0">"#

    @Test func alignedAlternatesRightAndLeftColumns() throws {
        #expect(try inner(#"\begin{aligned} a &= b + c \\ &= d \end{aligned}"#, display: true)
            == #"<mtable displaystyle="true"><mtr>\#(right)<mi>a</mi></mtd>\#(left)<mrow><mo>=</mo><mi>b</mi><mo>+</mo><mi>c</mi></mrow></mtd></mtr><mtr>\#(right)</mtd>\#(left)<mrow><mo>=</mo><mi>d</mi></mrow></mtd></mtr></mtable>"#)
    }

    @Test func alignedContinuesABinaryOperationAndDropsATrailingBreak() throws {
        #expect(try inner(#"\begin{aligned} a &- b \\ \end{aligned}"#)
            == #"<mtable displaystyle="true"><mtr>\#(right)<mi>a</mi></mtd>\#(left)<mrow><mo form="infix">−</mo><mi>b</mi></mrow></mtd></mtr></mtable>"#)
    }

    @Test func alignedSeparatesPairsOfColumns() throws {
        #expect(try inner(#"\begin{aligned} a &= 1 & b &= 2 \end{aligned}"#)
            == #"<mtable displaystyle="true"><mtr>\#(right)<mi>a</mi></mtd>\#(left)<mrow><mo>=</mo><mn>1</mn></mrow></mtd><mtd style="text-align:right;justify-items:end;padding:0.5ex 0 0.5ex 2em"><mi>b</mi></mtd>\#(left)<mrow><mo>=</mo><mn>2</mn></mrow></mtd></mtr></mtable>"#)
    }

    @Test func casesHaveABraceAndLeftAlignedColumns() throws {
        let first = #"<mtd style="text-align:left;justify-items:start;padding:0.5ex 1em 0.5ex 0">"#
        #expect(try inner(#"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#, display: true)
            == #"<mrow><mo fence="true" form="prefix" stretchy="true">{</mo><mtable><mtr>\#(first)<mn>1</mn></mtd>\#(left)<mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr>\#(first)<mn>0</mn></mtd>\#(left)<mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"#)
    }

    @Test func matrices() throws {
        let cells = "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"
        #expect(try inner(#"\begin{matrix} a & b \\ c & d \end{matrix}"#) == cells)
        #expect(try inner(#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#)
            == #"<mrow><mo fence="true" form="prefix" stretchy="true">(</mo>"# + cells + #"<mo fence="true" form="postfix" stretchy="true">)</mo></mrow>"#)
        #expect(try inner(#"\begin{bmatrix} a & b \\ c & d \end{bmatrix}"#)
            == #"<mrow><mo fence="true" form="prefix" stretchy="true">[</mo>"# + cells + #"<mo fence="true" form="postfix" stretchy="true">]</mo></mrow>"#)
    }

    // MARK: - Errors

    @Test func unknownCommandsAreErrorsAtTheirBackslash() {
        #expect(failure(#"\foo"#) == MathSyntaxError(offset: 0, message: #"unsupported TeX command '\foo'"#))
        #expect(failure(#"a + \foo"#) == MathSyntaxError(offset: 4, message: #"unsupported TeX command '\foo'"#))
        #expect(failure(#"é + \foo"#) == MathSyntaxError(offset: 5, message: #"unsupported TeX command '\foo'"#))
        #expect(failure(#"\textbf{x}"#) == MathSyntaxError(offset: 0, message: #"unsupported TeX command '\textbf'"#))
        #expect(failure("\\") == MathSyntaxError(offset: 0, message: #"missing command name after '\'"#))
    }

    @Test func missingArgumentsAndScripts() {
        #expect(failure(#"\frac{a}"#) == MathSyntaxError(offset: 0, message: #"missing argument for '\frac'"#))
        #expect(failure(#"x + \sqrt"#) == MathSyntaxError(offset: 4, message: #"missing argument for '\sqrt'"#))
        #expect(failure("x^") == MathSyntaxError(offset: 1, message: "missing superscript after '^'"))
        #expect(failure("x_}") == MathSyntaxError(offset: 1, message: "missing subscript after '_'"))
    }

    @Test func unbalancedBraces() {
        #expect(failure("{x") == MathSyntaxError(offset: 0, message: "missing '}'"))
        #expect(failure("a{b{c}") == MathSyntaxError(offset: 1, message: "missing '}'"))
        #expect(failure("x}") == MathSyntaxError(offset: 1, message: "unmatched '}'"))
        #expect(failure(#"\sqrt[3{x}"#) == MathSyntaxError(offset: 5, message: "missing ']'"))
    }

    @Test func doubleScripts() {
        #expect(failure("x_1_2") == MathSyntaxError(offset: 3, message: "double subscript"))
        #expect(failure("x^1^2") == MathSyntaxError(offset: 3, message: "double superscript"))
        #expect(failure("x^2'") == MathSyntaxError(offset: 3, message: "double superscript"))
    }

    @Test func unbalancedDelimiters() {
        #expect(failure(#"\left( x"#) == MathSyntaxError(offset: 0, message: #"'\left' without '\right'"#))
        #expect(failure(#"x \right)"#) == MathSyntaxError(offset: 2, message: #"'\right' without '\left'"#))
        #expect(failure(#"\middle|"#) == MathSyntaxError(offset: 0, message: #"'\middle' without '\left'"#))
        #expect(failure(#"\left( {a \right)"#) == MathSyntaxError(offset: 7, message: "missing '}'"))
        #expect(failure(#"\left\foo x \right)"#) == MathSyntaxError(offset: 5, message: #"unsupported delimiter after '\left'"#))
    }

    @Test func alignmentOutsideAnEnvironment() {
        #expect(failure(#"a \\ b"#) == MathSyntaxError(offset: 2, message: #"'\\' outside an environment"#))
        #expect(failure("a & b") == MathSyntaxError(offset: 2, message: "'&' outside an environment"))
    }

    @Test func environmentErrors() {
        #expect(failure(#"\begin{align} x \end{align}"#) == MathSyntaxError(offset: 0, message: "unsupported environment 'align'"))
        #expect(failure(#"\begin{aligned} x"#) == MathSyntaxError(offset: 0, message: #"missing '\end{aligned}'"#))
        #expect(failure(#"\begin{aligned} x \end{cases}"#)
            == MathSyntaxError(offset: 18, message: #"'\end{cases}' does not match '\begin{aligned}'"#))
        #expect(failure(#"\end{aligned}"#) == MathSyntaxError(offset: 0, message: #"'\end' without '\begin'"#))
        #expect(failure(#"\begin{cases} a & b & c \end{cases}"#) == MathSyntaxError(offset: 20, message: "too many columns in 'cases'"))
    }

    @Test func otherErrors() {
        #expect(failure(#"\text{$x$}"#) == MathSyntaxError(offset: 6, message: #"math inside '\text' is not supported"#))
        #expect(failure("x % comment") == MathSyntaxError(offset: 2, message: "unsupported character '%'"))
        #expect(failure(#"x\limits"#) == MathSyntaxError(offset: 1, message: #"'\limits' must follow an operator such as '\sum'"#))
        #expect(failure(#"\not\alpha"#) == MathSyntaxError(offset: 0, message: #"'\not' must be followed by a relation it can negate, such as '='"#))
    }

    // MARK: - Robustness

    @Test func nestingIsLimited() throws {
        let deep = String(repeating: "{", count: 63) + "x" + String(repeating: "}", count: 63)
        #expect(try inner(deep) == "<mi>x</mi>")
        let tooDeep = String(repeating: "{", count: 1000) + "x" + String(repeating: "}", count: 1000)
        #expect(failure(tooDeep) == MathSyntaxError(offset: 63, message: "formula nested more than 64 levels deep"))
        #expect(failure(String(repeating: #"\sqrt"#, count: 10_000) + "x")?.message == "formula nested more than 64 levels deep")
        #expect(failure(String(repeating: #"\displaystyle\textstyle"#, count: 10_000))?.message == "formula nested more than 64 levels deep")
        #expect(failure(String(repeating: #"\left("#, count: 10_000))?.message == "formula nested more than 64 levels deep")
    }

    @Test func longFormulasTranslate() throws {
        let long = String(repeating: #"a_i^2+\frac{1}{2}\alpha "#, count: 5_000)
        #expect(try MathTranslator.mathML(long, display: true).hasPrefix(#"<math display="block"><semantics><mrow><msubsup>"#))
    }

    @Test func arbitraryInputNeverCrashes() {
        let pieces = ["{", "}", "^", "_", "'", "&", #"\\"#, "x", "1", ".", "-", "(", "]", "|", #"\frac"#, #"\sqrt"#,
                      #"\left"#, #"\right"#, #"\middle"#, #"\begin{aligned}"#, #"\end{aligned}"#, #"\begin{cases}"#,
                      #"\text{"#, #"\operatorname{"#, #"\mathbf"#, #"\sum"#, #"\lim"#, #"\limits"#, #"\displaystyle"#,
                      #"\hat"#, #"\big"#, " ", #"\alpha"#, #"\,"#, "~", "$", "\\", "é", "\u{301}", #"\not"#, #"\binom"#,
                      #"\\[2pt]"#, #"\mathrm"#, #"\log"#, #"\{"#, "\n"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var tex = ""
            for _ in 0..<random(14) { tex += pieces[random(pieces.count)] }
            if let error = failure(tex, display: random(2) == 0) {
                #expect(error.offset >= 0 && error.offset <= tex.utf8.count, "offset \(error.offset) for \(tex)")
                #expect(!error.message.isEmpty)
            }
        }
    }
}

@Suite struct TeXPlainTextTests {
    @Test func formulasReadAsTextInSearchAndContents() {
        #expect(TeXPlainText.readable(#"\alpha \cdot T^{2}\,\mathrm{KL}(p \| q)"#) == "α ⋅ T^2 KL(p | q)")
        #expect(TeXPlainText.readable(#"\frac{\exp(z_i / T)}{\sum_j \exp(z_j / T)}"#) == "exp (z_i / T) ∑ _j exp (z_j / T)")
        #expect(TeXPlainText.readable(#"\text{if } x \le 0"#) == "if x ≤ 0")
    }
}
