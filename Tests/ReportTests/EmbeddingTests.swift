import Testing
@testable import Report

/// Text put into a script, and file names put into links.
@Suite struct EmbeddingTests {
    @Test func jsonInAScriptHoldsNoMarkup() {
        let index = SearchAssets.index([SearchEntry(chapter: "<!--<script>", title: "</script><b>&", href: "a.html", text: "x\u{2028}y")])
        #expect(!index.contains("<") && !index.contains(">") && !index.contains("&") && !index.contains("\u{2028}"))
        #expect(index.contains(#"\u003c!--\u003cscript\u003e"#) && index.contains(#"x\u2028y"#))
    }

    @Test func pathsArePercentEncodedForLinks() {
        #expect("javascript:alert(1).html".percentEncodedPath == "javascript%3Aalert%281%29.html")
        #expect("a?b#c%d e.html".percentEncodedPath == "a%3Fb%23c%25d%20e.html")
        #expect("知识.html".percentEncodedPath == "%E7%9F%A5%E8%AF%86.html")
        #expect("figures/01-a_b~c.png".percentEncodedPath == "figures/01-a_b~c.png")
    }
}
