/// "Did you mean" suggestions for misspelt keys and ids.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let limit = max(1, min(3, word.count / 3))
        let length = lowered.unicodeScalars.count
        var best: (candidate: String, distance: Int)?
        // The distance is at least the difference in length: skipping what cannot be close keeps
        // a 20,000-character value from costing seconds against each of 600 time zone names.
        for candidate in candidates where abs(candidate.lowercased().unicodeScalars.count - length) <= limit {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= limit, best.distance < word.count else { return nil }
        return best.candidate
    }

    /// `did you mean 'x'?`, or `nil` when nothing is close.
    package static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance over Unicode scalars.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
