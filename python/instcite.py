"""instcite from Python: a thin ctypes binding over libinstcite.

    import instcite
    records = instcite.extract("datasets/A_RES_74_174.zh.txt")
    mentions = [r for r in records if r["type"] == "mention"]
    g = instcite.graph(["datasets/A_RES_74_174.zh.txt"])   # networkx.DiGraph

Standard library only (networkx is used when it is importable).

Records are the JSON Lines records of `instcite extract --format jsonl`,
parsed: the library's own writer produces them (instcite_records_write into
a memory stream), so field names, values, order and omissions are those of
the command by construction, and a record added to the library appears here
without a change to this file. The graph is written by the library
(instcite_graph_write_ex): node-link JSON read by networkx when available,
or the bytes of any graph format; it is built from texts, or from records
(filtered, say) through the library's JSON Lines reader.

The library is found, in order: the path in the environment variable
INSTCITE_LIB; libinstcite.so in the build tree of the checkout this file
lies in (build/); the system's libinstcite.so.0 (after `meson install`).
"""

import ctypes
import ctypes.util
import json
import os

__all__ = ["extract", "extract_many", "graph", "text", "version", "Catalog", "InstciteError"]

# instcite_status, in the order of include/instcite.h.
_STATUS = ["ok", "nomem", "io", "encoding", "empty", "parse", "invalid", "graph", "limit",
           "unsupported"]
_INVALID = {None: 0, "reject": 0, "replace": 1}


class InstciteError(Exception):
    """A failed library call: code ("io", "encoding", "empty", ...), the
    byte offset in the input (or -1), the 1-based line (or 0), the message."""

    def __init__(self, code, message, offset=-1, line=0, name=None):
        self.code = code
        self.offset = offset
        self.line = line
        self.name = name
        # The library's message may already begin with the name (a catalog path).
        where = f"{name}: " if name and not message.startswith(f"{name}:") else ""
        at = f"byte {offset}: " if offset >= 0 else ""
        super().__init__(f"{where}{at}{message}")


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("offset", ctypes.c_longlong),
                ("line", ctypes.c_long), ("message", ctypes.c_char * 256)]

    def raise_(self, status, name=None):
        code = _STATUS[status] if 0 <= status < len(_STATUS) else str(status)
        msg = self.message.decode("utf-8", "replace") or _lib().instcite_strerror(status).decode()
        raise InstciteError(code, msg, self.offset, self.line, name)


class _Options(ctypes.Structure):
    _fields_ = [("lang", ctypes.c_char_p), ("encoding", ctypes.c_char_p),
                ("invalid_policy", ctypes.c_int)]


_P = ctypes.c_void_p
_SIGNATURES = {
    "instcite_version": (ctypes.c_char_p, []),
    "instcite_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    "instcite_format_from_name": (ctypes.c_int, [ctypes.c_char_p]),
    "instcite_catalog_new": (_P, [ctypes.POINTER(_Error)]),
    "instcite_catalog_load": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.POINTER(_Error)]),
    "instcite_catalog_size": (ctypes.c_size_t, [_P]),
    "instcite_catalog_free": (None, [_P]),
    "instcite_extract_opts": (_P, [_P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                                   ctypes.POINTER(_Options), ctypes.POINTER(_Error)]),
    "instcite_extract_file_opts": (ctypes.c_int, [_P, ctypes.c_char_p, ctypes.POINTER(_Options),
                                                  ctypes.POINTER(_P), ctypes.POINTER(_Error)]),
    "instcite_doc_free": (None, [_P]),
    "instcite_records_write": (ctypes.c_int, [ctypes.POINTER(_P), ctypes.c_size_t, ctypes.c_int,
                                              _P, ctypes.POINTER(_Error)]),
    "instcite_graph_new": (_P, [_P, ctypes.POINTER(_Error)]),
    "instcite_graph_add": (ctypes.c_int, [_P, _P, ctypes.POINTER(_Error)]),
    "instcite_graph_write": (ctypes.c_int, [_P, ctypes.c_int, _P, ctypes.POINTER(_Error)]),
    "instcite_graph_write_ex": (ctypes.c_int, [_P, ctypes.c_int, _P, _P, ctypes.POINTER(_Error)]),
    "instcite_jsonl_reader_new": (_P, [_P, ctypes.POINTER(_Error)]),
    "instcite_jsonl_read": (ctypes.c_int, [_P, ctypes.POINTER(_P), ctypes.POINTER(_Error)]),
    "instcite_jsonl_reader_free": (None, [_P]),
    "instcite_graph_free": (None, [_P]),
    "instcite_input_text": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                           ctypes.POINTER(ctypes.c_void_p),
                                           ctypes.POINTER(ctypes.c_size_t),
                                           ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(_Error)]),
}

_state = {}


def _candidates():
    env = os.environ.get("INSTCITE_LIB")
    if env:
        return [env]  # asked for: no silent fallback to another library
    here = os.path.dirname(os.path.abspath(__file__))
    found = [os.path.join(os.path.dirname(here), "build", "libinstcite.so")]
    found.append(ctypes.util.find_library("instcite") or "libinstcite.so.0")
    return found


def _lib():
    lib = _state.get("lib")
    if lib is not None:
        return lib
    tried = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            tried.append(f"{path}: no such file")
            continue
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            tried.append(str(e))
    else:
        raise OSError("libinstcite not found (set INSTCITE_LIB to its path): " + "; ".join(tried))
    for name, (res, args) in _SIGNATURES.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args
    _state["lib"] = lib
    _state["path"] = lib._name
    return lib


def _libc():
    libc = _state.get("libc")
    if libc is None:
        # The process's global namespace, not libc.so.6 by name: free must be
        # the free that open_memstream's malloc pairs with, also when an
        # allocator (or a sanitizer runtime) is interposed.
        libc = ctypes.CDLL(None)
        libc.open_memstream.restype = _P
        libc.open_memstream.argtypes = [ctypes.POINTER(ctypes.c_void_p),
                                        ctypes.POINTER(ctypes.c_size_t)]
        libc.fclose.restype = ctypes.c_int
        libc.fclose.argtypes = [_P]
        libc.free.restype = None
        libc.free.argtypes = [_P]
        libc.fmemopen.restype = _P
        libc.fmemopen.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p]
        _state["libc"] = libc
    return libc


def _written(write):
    """Runs write(FILE *) on a memory stream; returns the bytes written."""
    libc = _libc()
    buf, size = ctypes.c_void_p(), ctypes.c_size_t()
    f = libc.open_memstream(ctypes.byref(buf), ctypes.byref(size))
    if not f:
        raise MemoryError("open_memstream failed")
    try:
        write(f)
    finally:
        closed = libc.fclose(f)
        data = ctypes.string_at(buf, size.value) if buf.value else b""
        libc.free(buf)
    if closed != 0:
        raise InstciteError("io", "writing to a memory stream failed")
    return data


def text(source, name=None):
    """The text layer of a document, as bytes: what `instcite text` prints,
    the bytes that "start"/"end" of its mentions and warnings index
    (record["text"] == text(source)[record["start"]:record["end"]].decode()).
    For a PDF, .docx or HTML input its converted text; for text, the bytes as
    they are. source: a path or the document's bytes (name: only its
    extension is used, to recognise HTML)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        with open(source, "rb") as f:
            data = f.read()
        name = os.fspath(source) if name is None else name
    lib, libc = _lib(), _libc()
    buf, size, fmt, err = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_char_p(), _Error()
    st = lib.instcite_input_text(data, len(data), _b(name), ctypes.byref(buf), ctypes.byref(size),
                                 ctypes.byref(fmt), ctypes.byref(err))
    if st:
        err.raise_(st, name)
    try:
        return ctypes.string_at(buf, size.value)
    finally:
        libc.free(buf)


def version():
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _lib().instcite_version().decode()


def _b(s):
    return None if s is None else os.fsencode(s)


class Catalog:
    """The built-in catalog, plus the rows of each CSV in csv_paths (same
    columns as datasets/instruments.csv; a row with an existing id replaces
    it), as with `instcite --catalog`. Read-only; may be shared."""

    def __init__(self, *csv_paths):
        lib = _lib()
        err = _Error()
        self._free = lib.instcite_catalog_free  # kept: usable at interpreter exit
        self._h = lib.instcite_catalog_new(ctypes.byref(err))
        if not self._h:
            err.raise_(err.code)
        for p in csv_paths:
            st = lib.instcite_catalog_load(self._h, _b(p), ctypes.byref(err))
            if st:
                self.close()
                err.raise_(st, os.fspath(p))

    def __len__(self):
        return _lib().instcite_catalog_size(self._h)

    def close(self):
        if getattr(self, "_h", None):
            self._free(self._h)
            self._h = None

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _catalog(catalog):
    if isinstance(catalog, Catalog):
        return catalog
    if catalog is None:
        cat = _state.get("catalog")
        if cat is None:
            cat = _state["catalog"] = Catalog()
        return cat
    return Catalog(catalog)


def _extract_doc(cat, source, lang, encoding, invalid, name):
    """A new instcite_doc handle (free with instcite_doc_free)."""
    lib = _lib()
    if invalid not in _INVALID:
        raise ValueError(f"invalid must be 'reject' or 'replace', not {invalid!r}")
    opts = _Options(_b(lang), _b(encoding), _INVALID[invalid])
    err = _Error()
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = "-" if name is None else name
        doc = lib.instcite_extract_opts(cat._h, _b(name), data, len(data), ctypes.byref(opts),
                                        ctypes.byref(err))
        if not doc:
            err.raise_(err.code, name)
        return doc
    if name is not None:
        with open(source, "rb") as f:
            return _extract_doc(cat, f.read(), lang, encoding, invalid, name)
    doc = _P()
    st = lib.instcite_extract_file_opts(cat._h, _b(source), ctypes.byref(opts), ctypes.byref(doc),
                                        ctypes.byref(err))
    if st:
        err.raise_(st, os.fspath(source))
    return doc.value


def _records(docs):
    lib = _lib()
    arr = (_P * max(len(docs), 1))(*docs)
    err = _Error()
    fmt = lib.instcite_format_from_name(b"jsonl")
    status = []
    data = _written(lambda f: status.append(
        lib.instcite_records_write(arr, len(docs), fmt, f, ctypes.byref(err))))
    if status[0]:
        err.raise_(status[0])
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]


def extract_many(sources, lang=None, catalog=None, encoding=None, invalid=None):
    """The records of several inputs (paths or bytes), in input order, as
    `instcite extract --format jsonl` writes them for the same inputs.
    Raises InstciteError on the first input that fails."""
    cat = _catalog(catalog)
    docs = []
    try:
        for s in sources:
            docs.append(_extract_doc(cat, s, lang, encoding, invalid, None))
        return _records(docs)
    finally:
        for d in docs:
            _lib().instcite_doc_free(d)


def extract(source, lang=None, catalog=None, encoding=None, invalid=None, name=None):
    """The records of one document, a list of dicts: its "document" record,
    then its "mention", "relation" and "warning" records, exactly as
    `instcite extract --format jsonl` prints them.

    source: a path (str, bytes or os.PathLike; "name" in the records is the
    path as given) or the document's bytes (name "-", as for standard input;
    pass name= to set it). lang: "zh", "en", "fr", "es", "ru", "ar" or None to
    detect. catalog: None (built-in), a CSV path to add, or a Catalog.
    encoding: None/"auto" or a name such as "GB18030"; invalid: "reject"
    (default) or "replace" (bad bytes become U+FFFD with a warning).
    Raises InstciteError (code "io", "encoding", "empty", "limit", ...)."""
    cat = _catalog(catalog)
    doc = _extract_doc(cat, source, lang, encoding, invalid, name)
    try:
        return _records([doc])
    finally:
        _lib().instcite_doc_free(doc)


def _to_networkx(data):
    try:
        import networkx as nx
    except ImportError:
        return data
    import inspect
    params = inspect.signature(nx.node_link_graph).parameters
    # networkx >= 3.4 names the edge key with edges=; older ones with link=.
    kw = {"edges": "edges"} if "edges" in params else {"link": "edges"}
    return nx.node_link_graph(data, **kw)


class _WriteOptions(ctypes.Structure):
    _fields_ = [("links", ctypes.c_int), ("layout", ctypes.c_int),
                ("docs", ctypes.POINTER(_P)), ("n_docs", ctypes.c_size_t)]


# instcite_format values (include/instcite.h: values are only ever appended).
_CSV_NODES, _CSV_EDGES = 11, 12
_LAYOUTS = {None: 0, "auto": 0, "force": 1, "time": 2}


def _records_docs(records):
    """New instcite_doc handles rebuilt from records (dicts as extract gives,
    or JSON Lines text/bytes), through the library's JSON Lines reader."""
    if isinstance(records, str):
        data = records.encode("utf-8")
    elif isinstance(records, (bytes, bytearray)):
        data = bytes(records)
    else:
        data = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                       for r in records).encode("utf-8")
    if not data:
        return []
    lib, libc = _lib(), _libc()
    buf = ctypes.create_string_buffer(data, len(data))
    f = libc.fmemopen(buf, len(data), b"r")
    if not f:
        raise MemoryError("fmemopen failed")
    docs, err = [], _Error()
    try:
        r = lib.instcite_jsonl_reader_new(f, ctypes.byref(err))
        if not r:
            err.raise_(err.code)
        try:
            while True:
                doc = _P()
                st = lib.instcite_jsonl_read(r, ctypes.byref(doc), ctypes.byref(err))
                if st:
                    err.raise_(st, "records")
                if not doc.value:
                    return docs
                docs.append(doc.value)
        finally:
            lib.instcite_jsonl_reader_free(r)
    except BaseException:
        for d in docs:
            lib.instcite_doc_free(d)
        raise
    finally:
        libc.fclose(f)


def graph(sources=(), lang=None, catalog=None, networkx=True, records=None, format=None,
          links=False, layout=None):
    """The citation graph of all sources (paths or bytes) and records, nodes
    merged by identity, as `instcite graph` builds it.

    Returned as a networkx.DiGraph when networkx is importable (and networkx
    is true), else the node-link dict ({"directed", "multigraph", "graph",
    "nodes", "edges"}). With format ("graphml", "gexf", "json", "cytoscape",
    "dot", "svg", "html"): that file's bytes, as `instcite graph -f FORMAT`
    writes them ("csv": a (nodes, edges) pair of bytes); links and layout
    ("force", "time") are --links and --layout.

    records: documents already extracted, as extract() or `instcite extract
    --format jsonl` gives them (a list of dicts, or JSON Lines text), perhaps
    filtered: what `instcite graph --from-jsonl` reads."""
    if isinstance(sources, (str, bytes, bytearray, os.PathLike)):
        sources = [sources]
    if layout not in _LAYOUTS:
        raise ValueError(f"layout must be 'force' or 'time', not {layout!r}")
    lib = _lib()
    cat = _catalog(catalog)
    err = _Error()
    docs = []
    g = lib.instcite_graph_new(cat._h, ctypes.byref(err))
    if not g:
        err.raise_(err.code)
    try:
        for s in sources:
            docs.append(_extract_doc(cat, s, lang, None, None, None))
        if records is not None:
            docs += _records_docs(records)
        for doc in docs:
            st = lib.instcite_graph_add(g, doc, ctypes.byref(err))
            if st:
                err.raise_(st)
        name = "json" if format is None else format
        fmts = [lib.instcite_format_from_name(name.encode())]
        if name == "csv":
            fmts = [_CSV_NODES, _CSV_EDGES]
        elif fmts[0] == 0:
            raise ValueError(f"unknown graph format {format!r}")
        arr = (_P * max(len(docs), 1))(*docs)
        opts = _WriteOptions(bool(links), _LAYOUTS[layout], arr, len(docs))
        out = []
        for fmt in fmts:
            status = []
            out.append(_written(lambda f: status.append(
                lib.instcite_graph_write_ex(g, fmt, ctypes.byref(opts), f, ctypes.byref(err)))))
            if status[0]:
                err.raise_(status[0])
    finally:
        lib.instcite_graph_free(g)
        for d in docs:
            lib.instcite_doc_free(d)
    if format is not None:
        return tuple(out) if name == "csv" else out[0]
    data = json.loads(out[0].decode("utf-8"))
    return _to_networkx(data) if networkx else data
