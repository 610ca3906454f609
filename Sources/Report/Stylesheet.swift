/// The report's stylesheet: readable measure, system fonts (no network), figures that scale
/// down on small screens.
enum Stylesheet {
    static let css = """
    :root {
      --text: #1d1d1f; --muted: #5b5b60; --accent: #0061a0; --rule: #e3e3e6; --code-bg: #f5f5f7;
      --measure: 44rem;
    }
    * { box-sizing: border-box; }
    html { font-size: 106.25%; -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; color: var(--text); background: #fff;
      font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif;
      line-height: 1.6;
    }
    .book-header {
      border-bottom: 1px solid var(--rule); padding: .7rem 1.25rem;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: .9rem;
    }
    .book-header a { color: var(--muted); text-decoration: none; font-weight: 600; }
    main { max-width: var(--measure); margin: 0 auto; padding: 1.5rem 1.25rem 2rem; }
    h1, h2, h3 {
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
      line-height: 1.25; margin: 2rem 0 .75rem;
    }
    h1 { font-size: 2rem; margin-top: 1rem; }
    h2 { font-size: 1.4rem; }
    h3 { font-size: 1.15rem; }
    a { color: var(--accent); }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
    code { background: var(--code-bg); padding: .1em .3em; border-radius: 3px; }
    pre { background: var(--code-bg); padding: .9rem 1rem; overflow-x: auto; border-radius: 6px; line-height: 1.45; }
    pre code { background: none; padding: 0; }
    figure { margin: 2rem 0; }
    figure.figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    figcaption { color: var(--muted); font-size: .92rem; margin-top: .6rem; }
    figure.table figcaption { margin: 0 0 .5rem; }
    .label { font-weight: 700; color: var(--text); }
    figure.table { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; font-variant-numeric: tabular-nums; }
    td { white-space: nowrap; }
    th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; }
    th { border-bottom: 2px solid var(--text); }
    .num { text-align: right; }
    .toc { padding-left: 1.25rem; }
    .toc li { margin: .35rem 0; }
    .pager {
      max-width: var(--measure); margin: 0 auto 3rem; padding: 1rem 1.25rem; border-top: 1px solid var(--rule);
      display: flex; justify-content: space-between; gap: 1rem;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: .95rem;
    }
    .pager a { text-decoration: none; }
    """
}
