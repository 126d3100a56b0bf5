public import WMLintSource

/// How the replacement of an edit is written into its file.
public enum EditContent: Hashable, Sendable {
    /// The replacement is source text, written as it is (JSON and YAML files, or shell syntax).
    case verbatim
    /// The replacement is the value a shell word should hold, and the range the file bytes of the decoded bytes it
    /// replaces: the edit is planned on the word's quoted pieces (``ShellWordEdit``), or, within one piece, the value
    /// is re-quoted for the quoting context at the edit's start (``ShellQuoting``).
    case shellValue
}

/// One fix chosen for a plan, with its edits as they are written (re-quoted where needed).
public struct AppliedFix: Hashable, Sendable {
    /// The rule of the diagnostic the fix came from.
    public var rule: RuleID
    /// The file and range of that diagnostic (0-based UTF-8 byte offsets, half-open).
    public var path: String
    public var range: SourceRange
    /// The fix's description (`Fix.message`).
    public var message: String
    /// The edits as written, in file order; an edit identical to one of an earlier fix is listed by both.
    public var edits: [TextEdit]
}

/// A fix that was not applied, and why.
public struct SkippedFix: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// An edit overlaps an edit of a fix chosen before it (it may apply after the files are linted again).
        case overlaps
        /// An edit names a file whose bytes were not given, or a range outside the file, or two of its own edits
        /// overlap.
        case invalid
    }

    public var rule: RuleID
    public var path: String
    public var range: SourceRange
    public var message: String
    public var reason: Reason
}

/// The new contents of one file.
public struct FixedFile: Hashable, Sendable {
    /// The path as shown in diagnostics.
    public var path: String
    /// The bytes the edits were planned against.
    public var original: [UInt8]
    /// The bytes after the edits: every byte outside the edited ranges is kept as it was.
    public var fixed: [UInt8]
    /// The edits applied, sorted by start offset (an insertion before a replacement at the same offset), each once,
    /// with offsets into `original`.
    public var edits: [TextEdit]
    /// The fixes whose edits touch this file.
    public var fixes: [AppliedFix]

    /// Whether the edits changed any byte.
    public var isChanged: Bool { original != fixed }
}

/// What `--fix` and `--diff` do: the files changed and the fixes applied and skipped.
public struct FixPlan: Hashable, Sendable {
    /// The files some chosen edit touches, sorted by path.
    public var files: [FixedFile]
    /// The fixes applied, in the order they were chosen.
    public var applied: [AppliedFix]
    /// The fixes left out, in the order they were considered.
    public var skipped: [SkippedFix]

    /// An empty plan: nothing to change.
    public static let empty = FixPlan(files: [], applied: [], skipped: [])

    /// The plan for one file, when an edit touches it.
    public func file(_ path: String) -> FixedFile? {
        files.first { $0.path == path }
    }

    /// The bytes of `path` after the fixes, or `original` when no fix touches it: what `--fix` on standard input
    /// writes to standard output.
    public func output(for path: String, original: [UInt8]) -> [UInt8] {
        file(path)?.fixed ?? original
    }

    /// Whether some file changes.
    public var hasChanges: Bool { files.contains { $0.isChanged } }
}

/// Chooses the fixes to apply from diagnostics and applies their edits to the files' bytes.
///
/// Each diagnostic contributes its first fix. Fixes are considered in a fixed order — by the path of their
/// first edit, then its start offset, then rule id, then the diagnostic's report order — so the plan does not
/// depend on the order the diagnostics come in. A fix applies only as a whole, and only when none of its edits
/// overlaps an edit already chosen; an edit identical to a chosen one (same path, range and replacement) is
/// shared, not a conflict, and is applied once. Two edits overlap when their ranges share a byte, when an
/// insertion lies strictly inside a replaced range, or when two different insertions are at the same offset
/// (their order would be arbitrary). A fix left out may apply on the next run, once the file is linted again.
public struct FixPlanner: Sendable {
    /// How each edit's replacement is written, given the diagnostic it comes from.
    public var content: @Sendable (_ diagnostic: Diagnostic, _ edit: TextEdit) -> EditContent

    /// A planner whose edits are written as `content` says.
    public init(content: @escaping @Sendable (_ diagnostic: Diagnostic, _ edit: TextEdit) -> EditContent) {
        self.content = content
    }

    /// A planner for which every edit in one of `shellScripts` (paths as shown) is a ``EditContent/shellValue``
    /// edit, and every other edit (JSON, YAML) is written verbatim.
    public init(shellScripts: Set<String> = []) {
        self.content = { _, edit in shellScripts.contains(edit.path) ? .shellValue : .verbatim }
    }

    /// The plan for `diagnostics` against `contents` (each file's current bytes, by path as shown).
    public func plan(_ diagnostics: [Diagnostic], contents: [String: [UInt8]]) -> FixPlan {
        var candidates: [(diagnostic: Diagnostic, fix: Fix, key: EditKey)] = []
        for diagnostic in diagnostics {
            guard let fix = diagnostic.fixes.first, let first = fix.edits.min(by: EditKey.editOrder) else { continue }
            candidates.append((diagnostic, fix, EditKey(first)))
        }
        candidates.sort { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            if lhs.diagnostic.rule != rhs.diagnostic.rule { return lhs.diagnostic.rule < rhs.diagnostic.rule }
            if lhs.diagnostic != rhs.diagnostic { return Diagnostic.reportOrder(lhs.diagnostic, rhs.diagnostic) }
            return lhs.fix.message < rhs.fix.message
        }

        var chosen: [String: ChosenEdits] = [:]
        var applied: [AppliedFix] = []
        var skipped: [SkippedFix] = []
        for (diagnostic, fix, _) in candidates {
            func skip(_ reason: SkippedFix.Reason) {
                skipped.append(
                    SkippedFix(
                        rule: diagnostic.rule, path: diagnostic.path, range: diagnostic.range, message: fix.message,
                        reason: reason))
            }
            guard Self.isValid(fix, contents: contents) else {
                skip(.invalid)
                continue
            }
            var fresh: [PlannedEdit] = []
            var conflict = false
            for edit in fix.edits {
                // An edit identical to a chosen one (the same fix reached through two diagnostics) is shared.
                if fresh.contains(where: { $0.edit == edit }) { continue }
                switch chosen[edit.path]?.status(of: edit) ?? .free {
                case .shared: continue
                case .conflict: conflict = true
                case .free: fresh.append(PlannedEdit(edit: edit, content: content(diagnostic, edit)))
                }
                if conflict { break }
            }
            if conflict {
                skip(.overlaps)
                continue
            }
            for planned in fresh { chosen[planned.edit.path, default: ChosenEdits()].insert(planned) }
            applied.append(
                AppliedFix(
                    rule: diagnostic.rule, path: diagnostic.path, range: diagnostic.range, message: fix.message,
                    edits: fix.edits.sorted(by: EditKey.editOrder)))
        }

        // Write each file's edits (re-quoted where needed), and report the edits as written in the fixes too.
        var writtenEdits: [String: [TextEdit]] = [:]
        var asWritten: [TextEdit: TextEdit] = [:]
        for (path, edits) in chosen {
            guard let original = contents[path] else { continue }
            let written = Self.written(edits.sorted, original: original)
            for (before, after) in zip(edits.sorted, written) { asWritten[before.edit] = after }
            writtenEdits[path] = written
        }
        var fixesByPath: [String: [AppliedFix]] = [:]
        for index in applied.indices {
            applied[index].edits = applied[index].edits.map { asWritten[$0] ?? $0 }
            var paths: [String] = []
            for edit in applied[index].edits where !paths.contains(edit.path) { paths.append(edit.path) }
            for path in paths { fixesByPath[path, default: []].append(applied[index]) }
        }
        var files: [FixedFile] = []
        for path in writtenEdits.keys.sorted() {
            guard let original = contents[path], let written = writtenEdits[path] else { continue }
            files.append(
                FixedFile(
                    path: path, original: original, fixed: Self.apply(written, to: original), edits: written,
                    fixes: fixesByPath[path] ?? []))
        }
        return FixPlan(files: files, applied: applied, skipped: skipped)
    }

    /// Whether every edit of `fix` lies within a known file and no two of its edits overlap.
    static func isValid(_ fix: Fix, contents: [String: [UInt8]]) -> Bool {
        for (index, edit) in fix.edits.enumerated() {
            guard let bytes = contents[edit.path] else { return false }
            let range = edit.range.offsets
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
            for other in fix.edits[..<index] where other.path == edit.path && other != edit {
                if overlaps(other.range.offsets, range) { return false }
            }
        }
        return true
    }

    /// Whether two edits' ranges (0-based byte offsets, half-open) cannot both apply.
    static func overlaps(_ lhs: Range<Int>, _ rhs: Range<Int>) -> Bool {
        if lhs.isEmpty && rhs.isEmpty { return lhs.lowerBound == rhs.lowerBound }
        return lhs.lowerBound < rhs.upperBound && rhs.lowerBound < lhs.upperBound
    }

    /// The edits of one file (sorted), with shell values re-quoted for their context in `original`.
    static func written(_ sorted: [PlannedEdit], original: [UInt8]) -> [TextEdit] {
        let shell = sorted.indices.filter { sorted[$0].content == .shellValue }
        guard !shell.isEmpty else { return sorted.map(\.edit) }
        // Four contexts per edit: at its start, the two bytes before it (an opening quote), and its end.
        let offsets = shell.flatMap { ShellWordEdit.contextOffsets(for: sorted[$0].edit.range.offsets) }
        let allContexts = ShellQuoting.contexts(in: original, at: offsets)
        var edits = sorted.map(\.edit)
        for (position, index) in shell.enumerated() {
            let range = edits[index].range.offsets
            let contexts = Array(allContexts[(position * 4)..<(position * 4 + 4)])
            let context = contexts[0]
            if let planned = ShellWordEdit.plan(
                range: range, value: edits[index].replacement, in: original, contexts: contexts)
            {
                edits[index].range = .bytes(planned.range.lowerBound, planned.range.upperBound)
                edits[index].replacement = planned.replacement
                continue
            }
            let isWholeWord =
                isWordBoundary(original, before: range.lowerBound)
                && isWordBoundary(original, after: range.upperBound)
            edits[index].replacement = ShellQuoting.quote(
                edits[index].replacement, for: context, isWholeWord: isWholeWord)
        }
        return edits
    }

    private static func isWordBoundary(_ bytes: [UInt8], before offset: Int) -> Bool {
        offset == 0 || isBoundaryByte(bytes[offset - 1])
    }

    private static func isWordBoundary(_ bytes: [UInt8], after offset: Int) -> Bool {
        offset >= bytes.count || isBoundaryByte(bytes[offset])
    }

    private static func isBoundaryByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"),
            UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    /// `original` with `edits` (sorted, not overlapping) applied; every other byte is copied as it is.
    static func apply(_ edits: [TextEdit], to original: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(original.count + edits.reduce(0) { $0 + $1.replacement.utf8.count })
        var cursor = 0
        for edit in edits {
            let range = edit.range.offsets
            result.append(contentsOf: original[cursor..<range.lowerBound])
            result.append(contentsOf: edit.replacement.utf8)
            cursor = range.upperBound
        }
        result.append(contentsOf: original[cursor...])
        return result
    }
}

/// The edits chosen in one file, kept sorted by ``EditKey/editOrder(_:_:)``; they never overlap, so their end
/// offsets grow with their start offsets, and the few that could clash with a new edit are found by binary search.
struct ChosenEdits {
    enum Status {
        /// No chosen edit is in the way.
        case free
        /// An identical edit is already chosen.
        case shared
        /// A different edit overlaps it.
        case conflict
    }

    private(set) var sorted: [PlannedEdit] = []

    /// The index of the first chosen edit ending at or after `offset`.
    private func firstEnding(atOrAfter offset: Int) -> Int {
        partitionPoint(in: sorted.indices) { sorted[$0].edit.range.upperBound.offset < offset }
    }

    func status(of edit: TextEdit) -> Status {
        let range = edit.range.offsets
        var index = firstEnding(atOrAfter: range.lowerBound)
        var result = Status.free
        while index < sorted.count, sorted[index].edit.range.lowerBound.offset <= range.upperBound {
            let other = sorted[index].edit
            if other == edit {
                result = .shared
            } else if FixPlanner.overlaps(other.range.offsets, range) {
                return .conflict
            }
            index += 1
        }
        return result
    }

    mutating func insert(_ planned: PlannedEdit) {
        let position = partitionPoint(in: sorted.indices) { EditKey.editOrder(sorted[$0].edit, planned.edit) }
        sorted.insert(planned, at: position)
    }
}

/// An edit chosen for a plan, with how its replacement is written.
struct PlannedEdit: Hashable, Sendable {
    var edit: TextEdit
    var content: EditContent
}

/// The order fixes are considered in: path, then start offset.
struct EditKey: Comparable {
    var path: String
    var start: Int
    var end: Int

    init(_ edit: TextEdit) {
        path = edit.path
        start = edit.range.lowerBound.offset
        end = edit.range.upperBound.offset
    }

    static func < (lhs: EditKey, rhs: EditKey) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.end < rhs.end
    }

    /// Path, start, end (so an insertion comes before a replacement at the same offset), then replacement.
    static func editOrder(_ lhs: TextEdit, _ rhs: TextEdit) -> Bool {
        let left = EditKey(lhs)
        let right = EditKey(rhs)
        if left != right { return left < right }
        return lhs.replacement < rhs.replacement
    }
}
