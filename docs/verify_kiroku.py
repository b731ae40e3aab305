#!/usr/bin/env python3
"""Verify a kiroku export independently of kiroku.

Follows docs/chain-format.md. Standard library only (Python 3.8 or later).

Usage:  python3 verify_kiroku.py case.jsonl [--receipt LINE-OR-FILE]...
        (use "-" as the file name to read the export from standard input)

Exit 0  the chain is intact (and matches every receipt given)
Exit 1  it is not: the first entry that fails is named, with the reason
Exit 2  usage error, or the export or a receipt cannot be read
"""

import argparse
import hashlib
import json
import re
import sys

GENESIS_PREFIX = "kiroku-genesis/1\n"
HEX64 = re.compile(r"[0-9a-f]{64}\Z")
RECORDED_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")
STUB_FIELDS = {"seq", "prev_hash", "hash", "case_id", "stub"}
MARKER = "kiroku-receipt/1"
SEP = r"[\s>]+"  # spaces, line breaks, and "> " if the line was quoted in an email
RECEIPT = re.compile(
    MARKER + SEP + r"case=(\S+)" + SEP + r"entries=(\d+)" + SEP
    + r"head=([0-9a-fA-F]{64})\b(?:" + SEP + r"at=(\S+))?"
)


class NotIntact(Exception):
    """The export fails a check; the message names the entry and the reason."""


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def genesis(case_id):
    return sha256_hex(GENESIS_PREFIX + case_id)


def canonical(body):
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def no_floats(text):
    raise ValueError("a number that is not an integer: " + text)


def unique_keys(pairs):
    """A key written twice is refused: a reader would see one value, the hash
    may cover the other."""
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key is written twice")
    return dict(pairs)


def parse(text):
    return json.loads(text, object_pairs_hook=unique_keys,
                      parse_float=no_floats, parse_constant=no_floats)


def check_values(value, seq, path=""):
    """Only strings, non-negative integers, lists and objects may occur;
    true or false only as exhibit.original (原本 or 写し)."""
    if isinstance(value, dict):
        for k, v in value.items():
            check_values(v, seq, path + "." + k)
    elif isinstance(value, list):
        for v in value:
            check_values(v, seq, path + "[]")
    elif isinstance(value, bool):
        if path != ".exhibit.original":
            raise NotIntact("entry %d holds true or false outside exhibit.original, which is not allowed" % seq)
    elif value is None:
        raise NotIntact("entry %d holds null, which is not allowed" % seq)
    elif isinstance(value, int) and value < 0:
        raise NotIntact("entry %d holds a negative number, which is not allowed" % seq)


def verify(lines, receipts):
    """Checks the export line by line; returns a summary, or raises NotIntact."""
    case_id = None
    hashes = []  # hashes[n] is the hash of entry n; hashes[0] the genesis value
    last_recorded = ""
    full, stub_seqs = 0, []

    for line_no, raw in enumerate(lines, 1):
        if not raw.strip():
            continue  # a blank line is no entry
        expected = len(hashes) if hashes else 1
        try:
            text = raw.decode("utf-8")
            text = text[:-1] if text.endswith("\n") else text
            text = text[:-1] if text.endswith("\r") else text
            obj = parse(text)
        except (ValueError, RecursionError) as e:
            raise NotIntact("entry %d (line %d) cannot be read: %s" % (expected, line_no, e))
        seq = obj.get("seq") if isinstance(obj, dict) else None
        if type(seq) is not int:
            raise NotIntact("entry %d (line %d) has no entry number" % (expected, line_no))

        # 1. Numbering: 1, 2, 3 ... with none missing, repeated or moved.
        if seq > expected:
            raise NotIntact("entry %d is missing: line %d holds entry %d instead "
                            "(entries were deleted or moved)" % (expected, line_no, seq))
        if seq < expected:
            raise NotIntact("entry %d appears again at line %d, where entry %d should be "
                            "(entries were repeated or moved)" % (seq, line_no, expected))

        # 2. One case: the first line names it; entry 1 links to its genesis value.
        if "case_id" in obj:
            if not isinstance(obj["case_id"], str):
                raise NotIntact("entry %d: its case_id is not text" % seq)
            if case_id is None:
                case_id = obj["case_id"]
                hashes.append(genesis(case_id))
            elif obj["case_id"] != case_id:
                raise NotIntact("entry %d belongs to another case (%s)" % (seq, obj["case_id"]))
        elif case_id is None:
            raise NotIntact("entry %d: the first line of an export must name its case" % seq)

        stated = obj.get("hash")
        if not isinstance(stated, str) or not HEX64.match(stated):
            raise NotIntact("entry %d has no valid hash (64 lower-case hex digits)" % seq)

        # 3. The link: prev_hash is the hash of the entry before (genesis for entry 1).
        if obj.get("prev_hash") != hashes[-1]:
            if seq == 1:
                raise NotIntact("entry 1 does not start the chain of case %s (its prev_hash "
                                "is not the genesis value)" % case_id)
            stub_note = " (entry %d is a hash-only stub)" % (seq - 1) if seq - 1 in stub_seqs else ""
            raise NotIntact("entry %d does not link to entry %d: its prev_hash is not the hash "
                            "of entry %d%s" % (seq, seq - 1, seq - 1, stub_note))

        if set(obj) <= STUB_FIELDS:
            # A hash-only stub: its contents are not here, so its hash cannot be
            # recomputed; only its place in the chain is checked.
            if obj.get("stub", True) is not True:
                raise NotIntact("entry %d: a stub's \"stub\" member must be true" % seq)
            stub_seqs.append(seq)
        else:
            if "stub" in obj:
                raise NotIntact("entry %d is marked as a stub but holds other fields" % seq)
            body = dict(obj)
            del body["hash"]
            check_values(body, seq)
            if body.get("v") != 1:
                raise NotIntact("entry %d uses encoding version %r; this script knows "
                                "version 1 only" % (seq, body.get("v")))
            for name in ("case_id", "kind", "prev_hash", "recorded_at"):
                if not isinstance(body.get(name), str):
                    raise NotIntact("entry %d has no %s" % (seq, name))

            # 4. The hash: SHA-256 of the canonical body (all fields but "hash"),
            #    and the line is exactly that body with the hash added last.
            try:
                text_of_body = canonical(body)
                computed = sha256_hex(text_of_body)
            except ValueError as e:  # e.g. an escaped lone surrogate
                raise NotIntact("entry %d cannot be encoded: %s" % (seq, e))
            if computed != stated:
                raise NotIntact("entry %d was changed after it was recorded: its fields do "
                                "not match its hash" % seq)
            if text != text_of_body[:-1] + ',"hash":"' + stated + '"}':
                raise NotIntact("entry %d is not in canonical form (its text was re-encoded "
                                "or rearranged)" % seq)

            # 5. Recorded times never go backwards.
            if not RECORDED_AT.match(body["recorded_at"]):
                raise NotIntact("entry %d: recorded_at is not of the form "
                                "YYYY-MM-DDTHH:MM:SS.mmmZ" % seq)
            if body["recorded_at"] < last_recorded:
                raise NotIntact("entry %d was recorded at %s, before the entry above it (%s)"
                                % (seq, body["recorded_at"], last_recorded))
            last_recorded = body["recorded_at"]

            # 6. A correction or void refers to an earlier entry.
            target = body.get("target")
            if target is not None and not (type(target) is int and 1 <= target < seq):
                raise NotIntact("entry %d refers to entry %r, which is not before it"
                                % (seq, target))

            # 7. A timestamp (anchor) covers an entry before it, as it is here.
            if body["kind"] == "anchor" or "anchor" in body:
                check_anchor(body.get("anchor"), seq, hashes)
            full += 1

        hashes.append(stated)

    head = len(hashes) - 1 if hashes else 0
    results = [check_receipt(r, case_id, head, hashes, stub_seqs) for r in receipts]
    return case_id, head, hashes[-1] if hashes else None, full, stub_seqs, results


def check_anchor(anchor, seq, hashes):
    """The stamped head is the hash of the entry the anchor names, before it."""
    if not isinstance(anchor, dict):
        raise NotIntact("entry %d is a timestamp entry without its anchor fields" % seq)
    covered, covered_hash = anchor.get("covers_seq"), anchor.get("covers_hash")
    if type(covered) is not int or not 0 <= covered < seq:
        raise NotIntact("entry %d is a timestamp of entry %r, which is not before it"
                        % (seq, covered))
    if covered_hash != hashes[covered]:
        raise NotIntact("entry %d is a timestamp of entries 1 to %d, but entry %d does not "
                        "have the hash that was stamped (the entries were changed or "
                        "rebuilt after the timestamp)" % (seq, covered, covered))


def check_receipt(r, case_id, head, hashes, stub_seqs):
    """A receipt for entries 1..N holds when entry N has the receipt's hash."""
    n = r["entries"]
    if case_id is not None and r["case"] != case_id:
        raise NotIntact("the receipt is for another case (%s; this export is of %s)"
                        % (r["case"], case_id))
    if n == 0:
        if r["head"] != genesis(r["case"]):
            raise NotIntact("entry 0 does not match the receipt: a receipt for no entries "
                            "must name the genesis value of its case")
        return "the receipt covers no entries"
    if n > head:
        raise NotIntact("entry %d is missing: the receipt covers entries 1 to %d but the "
                        "export ends at entry %d (the record was cut short)" % (head + 1, n, head))
    if hashes[n] != r["head"]:
        raise NotIntact("entry %d does not match the receipt: entries 1 to %d were changed "
                        "or rebuilt after the receipt was made" % (n, n))
    made = " of " + r["at"] if r["at"] else ""
    last_stub = max([s for s in stub_seqs if s <= n], default=0)
    if last_stub == 0:
        return "entries 1 to %d are unchanged since the receipt%s" % (n, made)
    if last_stub < n:
        start = "entries %d to %d are unchanged since the receipt%s; " % (last_stub + 1, n, made)
    else:
        start = "entry %d has the hash of the receipt%s; " % (n, made)
    return start + ("entries 1 to %d are tied to it only through the hash-only stub at entry %d, "
                    "whose link to the entries before it cannot be recomputed from this export"
                    % (last_stub, last_stub))


def load_receipts(args):
    """Each --receipt is the line itself, or a file holding one or more."""
    found = []
    for arg in args:
        if MARKER in arg:
            text = arg
        else:
            with open(arg, "rb") as f:
                text = f.read().decode("utf-8", errors="replace")
        matches = list(RECEIPT.finditer(text))
        if not matches or len(matches) != text.count(MARKER):
            raise ValueError("no complete receipt (a line starting %s) in %s" % (MARKER, arg))
        for m in matches:
            found.append({"case": m.group(1), "entries": int(m.group(2)),
                          "head": m.group(3).lower(), "at": m.group(4) or ""})
    return found


def main():
    parser = argparse.ArgumentParser(description="Verify a kiroku JSONL export.")
    parser.add_argument("export", help='the file written by "kiroku export jsonl", or - for stdin')
    parser.add_argument("--receipt", action="append", default=[], metavar="LINE-OR-FILE",
                        help="a receipt line, or a file holding one (repeatable)")
    args = parser.parse_args()
    try:
        receipts = load_receipts(args.receipt)
        source = sys.stdin.buffer if args.export == "-" else open(args.export, "rb")
        with source:
            case_id, head, head_hash, full, stubs, results = verify(source, receipts)
    except NotIntact as e:
        print("NOT INTACT: %s" % e)
        return 1
    except (OSError, ValueError) as e:
        print("error: %s" % e, file=sys.stderr)
        return 2
    if head == 0:
        print("OK: the export holds no entries.")
    else:
        print("OK: the chain is intact.")
        print("  case:     %s" % case_id)
        print("  entries:  1 to %d (%d verified in full, %d as hash-only stubs)"
              % (head, full, len(stubs)))
        print("  head:     entry %d, %s" % (head, head_hash))
    if stubs:
        print("  stubs:    %s (contents not in this export; only their place in the chain "
              "was checked)" % ", ".join(str(s) for s in stubs))
    for message in results:
        print("  receipt:  " + message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
