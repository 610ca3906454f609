/// The report's stylesheet, our own: a readable measure, system fonts (no network), a sidebar on
/// wide screens and a menu on phones, tables and figures that break out of the text column to
/// fit a desktop window, light and dark schemes, and a print layout.
enum Stylesheet {
    static let file = "style.css"

    static let css = """
    :root {
      color-scheme: light dark;
      --text: #1d1d1f; --muted: #55555a; --accent: #0a5c99; --rule: #dedee3; --code-bg: #f4f4f6;
      --page: #ffffff; --sidebar-bg: #f7f7f9; --mark: #fff3bf; --danger: #b3261e;
      --measure: 42rem; --sidebar: 16rem;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
      --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
      --mono: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
      /* The widest a table or figure may grow: the text column on small screens. */
      --wide: 100%;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e4e4e7; --muted: #a8a8b0; --accent: #7cc0ff; --rule: #3a3a40; --code-bg: #232327;
        --page: #141416; --sidebar-bg: #1b1b1e; --mark: #4a3f10; --danger: #ff8a80;
      }
    }
    * { box-sizing: border-box; }
    html { font-size: 106.25%; -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--text); background: var(--page);
      font-family: var(--serif); line-height: 1.6; overflow-wrap: break-word;
    }
    a { color: var(--accent); }
    .skip-link { position: absolute; left: -999px; top: 0; padding: .5rem 1rem; background: var(--page); z-index: 10; }
    .skip-link:focus { left: 0; }

    /* Navigation: a sidebar on wide screens, a menu behind "Contents" on phones (no script). */
    .menu-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
    .topbar {
      display: flex; align-items: center; gap: 1rem; padding: .6rem 1rem; border-bottom: 1px solid var(--rule);
      font-family: var(--sans); font-size: .95rem;
    }
    .menu-button { cursor: pointer; font-weight: 600; color: var(--accent); white-space: nowrap; }
    .menu-toggle:focus-visible + .topbar .menu-button { outline: 2px solid var(--accent); outline-offset: 2px; }
    .topbar-title { color: var(--muted); text-decoration: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .sidebar {
      display: none; font-family: var(--sans); font-size: .92rem; line-height: 1.4;
      background: var(--sidebar-bg); border-bottom: 1px solid var(--rule); padding: 1rem 1.1rem 1.5rem;
    }
    .menu-toggle:checked ~ .sidebar { display: block; }
    .book-title { display: block; font-weight: 700; font-size: 1.05rem; color: var(--text); text-decoration: none; margin-bottom: .9rem; }
    .sidebar ol { list-style: none; margin: 0; padding: 0; }
    .chapters > li { margin: .45rem 0; }
    .more-chapters { margin: .45rem 0; font-size: .9em; }
    .sidebar a { text-decoration: none; }
    .sidebar a[aria-current="page"] { color: var(--text); font-weight: 700; }
    .sidebar .sections { margin: .35rem 0 .2rem .8rem; border-left: 2px solid var(--rule); padding-left: .7rem; }
    .sidebar .sections li { margin: .3rem 0; }
    .search { margin-bottom: 1rem; }
    .search label { display: block; font-size: .82rem; color: var(--muted); margin-bottom: .25rem; }
    .search input {
      width: 100%; font: inherit; padding: .4rem .55rem; border: 1px solid var(--rule); border-radius: 6px;
      background: var(--page); color: var(--text);
    }
    #search-results li { margin: .55rem 0; }
    #search-results a { display: block; font-weight: 600; }
    .search-context { display: block; color: var(--muted); font-size: .85rem; }
    @media (min-width: 62rem) {
      :root { --wide: min(calc(100vw - var(--sidebar) - 4rem), 64rem); }
      body { display: grid; grid-template-columns: var(--sidebar) minmax(0, 1fr); }
      .topbar { display: none; }
      .sidebar {
        display: block; grid-column: 1; grid-row: 1 / span 2; position: sticky; top: 0; height: 100vh; overflow-y: auto;
        border-bottom: 0; border-right: 1px solid var(--rule); padding: 1.5rem 1.1rem;
      }
      main, .pager { grid-column: 2; }
    }

    /* The text. */
    main { max-width: var(--measure); margin: 0 auto; padding: 1.5rem 1.25rem 2rem; width: 100%; }
    h1, h2, h3, h4 { font-family: var(--sans); line-height: 1.25; margin: 2.2rem 0 .75rem; }
    h1 { font-size: 2rem; margin-top: 1rem; }
    h2 { font-size: 1.4rem; }
    h3 { font-size: 1.15rem; }
    .anchor { margin-left: .3rem; color: var(--muted); text-decoration: none; opacity: 0; font-weight: 400; }
    h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, .anchor:focus { opacity: 1; }
    code, pre { font-family: var(--mono); font-size: .86em; }
    code { background: var(--code-bg); padding: .1em .3em; border-radius: 3px; }
    /* Code keeps its lines; a long one widens the block beyond the column, as far as the
       window allows, and only then scrolls inside it. */
    pre {
      background: var(--code-bg); padding: .9rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45;
      position: relative; left: 50%; transform: translateX(-50%); width: max-content; min-width: 100%; max-width: var(--wide);
    }
    pre code { background: none; padding: 0; }
    blockquote { margin: 1.2rem 0; padding: .1rem 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
    /* The reader's own math font; MathML lays out without one, a math font draws it better. */
    math { font-size: 1.08em; font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "DejaVu Math TeX Gyre", math; }
    math[display="block"] { margin: 1rem 0; overflow-x: auto; overflow-y: hidden; }
    @media (max-width: 30rem) { math[display="block"] { font-size: .9em; } }
    .footnotes { font-size: .9rem; color: var(--muted); border-top: 1px solid var(--rule); margin-top: 3rem; }
    .title-block h1 { font-size: 2.3rem; margin-bottom: .3rem; }
    .subtitle { font-family: var(--sans); font-size: 1.2rem; color: var(--muted); margin: 0 0 .6rem; }
    .authors { font-family: var(--sans); margin: 0; }
    .abstract { margin: 2rem 0; }
    .toc { padding-left: 1.4rem; }
    .toc > li { margin: .6rem 0; font-weight: 600; }
    .toc-sections { font-weight: 400; padding-left: 1.2rem; list-style: none; margin: .2rem 0; }
    .toc-sections li { margin: .15rem 0; }

    /* Figures and tables: as wide as they need, centred on the column, up to the room there is. */
    figure { margin: 2rem 0; }
    figure.figure, figure.table {
      position: relative; left: 50%; transform: translateX(-50%); min-width: 100%; max-width: var(--wide);
    }
    figure.figure { width: min(var(--figure-width, 100%), var(--wide)); }
    figure.figure img { display: block; width: 100%; height: auto; margin: 0 auto; background: #fff; border-radius: 4px; }
    figure.figure a.full-size { display: block; }
    figure.table { width: max-content; overflow-x: auto; }
    /* A caption takes the figure's width and never widens it. */
    figcaption { width: 0; min-width: 100%; color: var(--muted); font-size: .92rem; margin-top: .6rem; }
    figure.table figcaption { margin: 0 0 .5rem; }
    .label { font-weight: 700; color: var(--text); }
    .table-data { font-family: var(--sans); font-size: .8rem; margin-left: .3rem; }
    table { border-collapse: collapse; width: 100%; font-family: var(--sans); font-size: .8rem; font-variant-numeric: tabular-nums; }
    th, td { padding: .3rem .45rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    td { white-space: nowrap; }
    td:has(> .keep) { white-space: normal; }
    .keep { white-space: nowrap; }
    th { border-bottom: 2px solid var(--text); vertical-align: bottom; }
    .num { text-align: right; }
    details.source { margin: -1rem 0 2rem; font-family: var(--sans); font-size: .88rem; }
    details.source summary { cursor: pointer; color: var(--muted); }
    .downloads { font-family: var(--sans); font-size: .92rem; }
    a.xref { white-space: nowrap; }
    .directive-failure { border: 2px solid var(--danger); border-radius: 6px; padding: .2rem 1rem; margin: 1.5rem 0; font-family: var(--sans); }
    .directive-failure strong { color: var(--danger); }
    .directive-failure pre { white-space: pre-wrap; background: none; padding: 0; }

    /* Between chapters. */
    .pager {
      max-width: var(--measure); width: 100%; margin: 0 auto 3rem; padding: 1rem 1.25rem; border-top: 1px solid var(--rule);
      display: flex; justify-content: space-between; gap: 1rem; font-family: var(--sans); font-size: .95rem;
    }
    .pager a { text-decoration: none; }
    .pager .next { text-align: right; margin-left: auto; }
    .pager-label { display: block; font-size: .8rem; color: var(--muted); }
    .chapter + .chapter { border-top: 1px solid var(--rule); margin-top: 3rem; }

    @media print {
      .topbar, .sidebar, .pager, .skip-link, .menu-toggle, .anchor, .table-data { display: none !important; }
      body { display: block; background: #fff; color: #000; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      figure.figure, figure.table { left: 0; transform: none; max-width: 100%; break-inside: avoid; }
      figure.table, pre { overflow: visible; width: auto; }
      pre { left: 0; transform: none; white-space: pre-wrap; }
      td { white-space: normal; }
      h1, h2, h3 { break-after: avoid; }
      a { color: inherit; }
      .chapter { break-before: page; }
    }
    """
}
