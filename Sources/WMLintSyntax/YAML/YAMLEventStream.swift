internal import CWMLintYAML

/// libyaml's event parser over one document: the only place the loader holds libyaml's memory.
///
/// It owns the `yaml_parser_t` and the current `yaml_event_t` (allocated here, released by `deinit`), and reads
/// the document from the ``BorrowedBytes`` it was made with, which must stay valid as long as the stream does. The
/// current event, and the scalar bytes and strings read from it, are valid until the next call of ``next()``.
struct YAMLEventStream: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let isInitialized: Bool
    /// Whether ``event`` holds a parsed event, to be deleted before the next.
    private var hasEvent = false

    /// A parser over `input`; ``isReady`` is false when libyaml could not initialise it.
    init(input: BorrowedBytes) {
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        isInitialized = yaml_parser_initialize(parser) != 0
        if isInitialized, let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        }
    }

    deinit {
        if hasEvent { yaml_event_delete(event) }
        if isInitialized { yaml_parser_delete(parser) }
        parser.deallocate()
        event.deallocate()
    }

    /// Whether libyaml initialised the parser.
    var isReady: Bool { isInitialized }

    /// Parses the next event (releasing the current one): `false` on a parse error (see ``fault``).
    mutating func next() -> Bool {
        if hasEvent {
            yaml_event_delete(event)
            hasEvent = false
        }
        guard yaml_parser_parse(parser, event) != 0 else { return false }
        hasEvent = true
        return true
    }

    /// The current event.
    var current: YAMLEvent { YAMLEvent(UnsafePointer(event)) }

    /// What went wrong, after ``next()`` failed.
    var fault: YAMLParserFault { YAMLParserFault(parser.pointee) }
}

/// One libyaml event, read through safe accessors; valid until the stream's next event.
///
/// It points at the stream's current event (one word, not a copy of libyaml's struct). Marks are libyaml's:
/// 0-based, counting Unicode scalars after a leading byte order mark.
struct YAMLEvent {
    private let event: UnsafePointer<yaml_event_t>

    init(_ event: UnsafePointer<yaml_event_t>) {
        self.event = event
    }

    enum Kind {
        case streamEnd, documentStart, scalar, alias, sequenceStart, mappingStart, collectionEnd, other
    }

    /// The kind of event.
    @inline(__always)
    var kind: Kind {
        switch event.pointee.type {
        case YAML_STREAM_END_EVENT: .streamEnd
        case YAML_DOCUMENT_START_EVENT: .documentStart
        case YAML_SCALAR_EVENT: .scalar
        case YAML_ALIAS_EVENT: .alias
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: .collectionEnd
        default: .other
        }
    }

    /// The mark of the event's start (0-based, Unicode scalars).
    @inline(__always) var startMark: Int { Int(event.pointee.start_mark.index) }
    /// The mark of the event's end (0-based, Unicode scalars).
    @inline(__always) var endMark: Int { Int(event.pointee.end_mark.index) }

    /// A document start's `%YAML` version, if it has the directive.
    var version: (major: Int, minor: Int)? {
        guard let version = event.pointee.data.document_start.version_directive else { return nil }
        return (Int(version.pointee.major), Int(version.pointee.minor))
    }

    // MARK: Scalars

    /// A scalar's value (in libyaml's memory).
    @inline(__always)
    var scalarValue: BorrowedBytes {
        BorrowedBytes(
            UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: Int(event.pointee.data.scalar.length)))
    }

    /// Whether a scalar has neither an anchor nor a tag.
    @inline(__always)
    var scalarHasNoProperties: Bool {
        event.pointee.data.scalar.anchor == nil && event.pointee.data.scalar.tag == nil
    }

    /// Whether a scalar is plain (unquoted, not a block scalar).
    @inline(__always) var isPlain: Bool { event.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    /// Whether a scalar is a block scalar (`|` or `>`).
    @inline(__always)
    var isBlockScalar: Bool {
        event.pointee.data.scalar.style == YAML_LITERAL_SCALAR_STYLE
            || event.pointee.data.scalar.style == YAML_FOLDED_SCALAR_STYLE
    }

    // MARK: Collections

    /// Whether a sequence or mapping start is in block style.
    var isBlockCollection: Bool {
        switch event.pointee.type {
        case YAML_SEQUENCE_START_EVENT: event.pointee.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE
        case YAML_MAPPING_START_EVENT: event.pointee.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE
        default: false
        }
    }

    // MARK: Properties

    /// The anchor of a scalar, sequence or mapping start, or the name an alias refers to, as libyaml holds it.
    @inline(__always)
    private var anchorPointer: UnsafeMutablePointer<yaml_char_t>? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: event.pointee.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: event.pointee.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: event.pointee.data.mapping_start.anchor
        case YAML_ALIAS_EVENT: event.pointee.data.alias.anchor
        default: nil
        }
    }

    /// The tag of a scalar, sequence or mapping start, as libyaml holds it (resolved).
    @inline(__always)
    private var tagPointer: UnsafeMutablePointer<yaml_char_t>? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: event.pointee.data.scalar.tag
        case YAML_SEQUENCE_START_EVENT: event.pointee.data.sequence_start.tag
        case YAML_MAPPING_START_EVENT: event.pointee.data.mapping_start.tag
        default: nil
        }
    }

    /// Whether the node has an anchor (an alias: a name).
    @inline(__always) var hasAnchor: Bool { anchorPointer != nil }
    /// Whether the node has a tag.
    @inline(__always) var hasTag: Bool { tagPointer != nil }

    /// The node's anchor, or the name an alias refers to.
    var anchor: String? { anchorPointer.map { String(cString: UnsafePointer($0)) } }

    /// The node's tag as written in short form: `!!str` for the YAML core tags, else the resolved tag.
    var tag: String? {
        guard let pointer = tagPointer else { return nil }
        let full = String(cString: UnsafePointer(pointer))
        let prefix = "tag:yaml.org,2002:"
        if full.hasPrefix(prefix) { return "!!" + full.dropFirst(prefix.count) }
        return full
    }
}

/// What libyaml reports when parsing fails.
struct YAMLParserFault {
    /// libyaml's description of the problem.
    let problem: String?
    /// What was being parsed (`while parsing a block mapping`).
    let context: String?
    /// Whether the input itself could not be read (invalid UTF-8, a control character).
    let isReaderError: Bool
    /// For a reader error: the 0-based byte offset of the problem.
    let problemOffset: Int
    /// For a reader error: the offending byte or character, or -1.
    let problemValue: Int32
    /// The marks (0-based, Unicode scalars) of the problem and of its context's start.
    let problemMark: Int
    let contextMark: Int

    init(_ parser: yaml_parser_t) {
        problem = parser.problem.map { String(cString: $0) }
        context = parser.context.map { String(cString: $0) }
        isReaderError = parser.error == YAML_READER_ERROR
        problemOffset = Int(parser.problem_offset)
        problemValue = parser.problem_value
        problemMark = Int(parser.problem_mark.index)
        contextMark = Int(parser.context_mark.index)
    }
}
