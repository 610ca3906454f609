/// "Did you mean …?" for a misspelt name: the candidate closest in edit distance, if it is
/// close enough to be a plausible typo (at most a third of the word's length, at least 1).
public func closestMatch(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, word.count / 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(word, candidate)
        if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    return best?.name
}

/// The message suffix "; did you mean 'x'?" or "".
public func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
    closestMatch(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
}

/// The suffix for a word that is none of a list's: "; did you mean 'x'? (the choices are a, b)"
/// or, with nothing close, "; use a, b". `choices` is the list as shown.
public func didYouMean(_ word: String, among candidates: [String], choices: String) -> String {
    guard let match = closestMatch(to: word, among: candidates) else { return "; use \(choices)" }
    return "; did you mean '\(match)'? (the choices are \(choices))"
}

/// Edit distance between two strings, by characters, counting a swap of two neighbouring
/// characters as one edit ("trian" → "train"): the optimal string alignment distance.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}
