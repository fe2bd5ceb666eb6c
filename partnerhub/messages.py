"""Every message the hub can print about the data, by code, in plain words with what to do.

Templates are gettext msgids (English); ``{name}`` placeholders are filled from the
problem's parameters when the message is printed, in the language chosen for the output
(``--lang``), never when the problem is found: parameters stay data. A parameter may be a
:class:`Msg` (a part of a message, e.g. "did you mean …?"), a :class:`Word` (a translatable
word, e.g. a record type's name) or a :class:`LanguageName`; each is rendered in the output
language too. ``tests/fixtures/invalid/`` holds one fixture per code.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from partnerhub.i18n import N_, gettext_

MESSAGES = {
    # reading files
    "file_not_utf8": N_("the file is not saved as UTF-8 text (a character here cannot be read): open it in an editor and save it again with the encoding UTF-8"),
    "file_bom": N_("the file starts with a byte-order mark: save it as UTF-8 without BOM"),
    "yaml_tab": N_("this line is indented with a tab: YAML needs spaces, replace the tab with spaces"),
    "yaml_colon_in_value": N_("a value holds `: `, which YAML reads as the start of another field: put the whole value in quotes, e.g. `title: \"Visit: Agen\"`"),
    "yaml_reserved_character": N_("a value cannot start with `{char}` in YAML: put the whole value in quotes"),
    "yaml_unclosed_quote": N_("the quote `{quote}` opened here is never closed: add the closing `{quote}` at the end of the value"),
    "yaml_unclosed_bracket": N_("the `{bracket}` opened here is not closed: add the `{closing}`, or put the value in quotes if the bracket is part of the text"),
    "yaml_syntax": N_("this is not valid YAML ({detail}): check the indentation and the quotes on this line and the one above"),
    "yaml_duplicate_key": N_("`{key}` is written twice (first on line {first_line}): keep only one"),
    "yaml_tag": N_("YAML tags such as `{tag}` are not allowed: remove the `!…` part"),
    "yaml_complex_key": N_("a field name must be plain text: write a single word followed by a colon, e.g. `title:`"),
    "yaml_merge_key": N_("YAML merge keys (`<<`) are not allowed: write the fields out"),
    "yaml_empty": N_("the file is empty: fill in the record, or delete the file"),
    "yaml_many_documents": N_("the file holds more than one YAML document (`---`): keep one record per file"),
    "yaml_too_deep": N_("the file is nested too deeply to read: check the brackets and the indentation from this line on"),
    "yaml_too_large": N_("the file repeats anchors (`*name`) so often that it becomes too large to read: write the values out instead"),
    "yaml_not_mapping": N_("a record must be a set of `field: value` lines, e.g. `id: …`, not a list or a single value: start each line with a field name and a colon"),
    "file_unexpected": N_("this file is not part of any record type: move it into one of {folders}"),
    "file_yaml_extension": N_("record files end in `.yml`: rename it to `{suggestion}`"),
    "file_link": N_("`{value}` is a symbolic link: files under data/ are never read through links; put the file itself here"),
    "file_unreadable": N_("this file cannot be read: check that it is a plain file and that you may read it"),
    "file_too_large": N_("the file is too large ({size}; at most {limit}): split it, or move long texts into shorter ones"),
    "file_name_case": N_("the file name differs from `{other}` only in capital letters: on Windows and macOS they are one file; rename one of them"),
    "text_line_separator": N_("the text holds an invisible line separator ({code_point}), often pasted from a PDF or a word processor: delete it and retype the line break or the space"),
    "file_name_not_id": N_("the file name `{name}` is not a valid id: use lower-case ASCII letters, digits and hyphens, e.g. `{suggestion}.yml`"),
    # fields
    "missing": N_("required field `{field}` is missing: add it ({description})"),
    "extra_forbidden": N_("unknown field `{field}`{did_you_mean}"),
    "did_you_mean": N_(": did you mean `{suggestion}`?"),
    "known_fields": N_(": remove it, or use one of: {known}"),
    "value_empty": N_("`{field}` is empty: write a value after the colon (or remove the line if the field is optional)"),
    "string_type": N_("should be text{quote_hint}"),
    "quote_hint": N_(": put it in quotes, e.g. `\"{value}\"`"),
    "text_not_list": N_(", not a list: write a single value after the colon"),
    "text_not_map": N_(", not a group of indented lines: write a single value after `{field}:`"),
    "int_type": N_("should be a whole number, without quotes, e.g. `4`"),
    "int_leading_zero": N_("`{value}` has a leading zero: write the number without it, e.g. `{suggestion}`"),
    "float_type": N_("should be a number, without quotes, e.g. `41.09`"),
    "bool_type": N_("should be `true` or `false`"),
    "bool_yaml11": N_("`{value}` is not a yes/no value here: write `true` or `false`"),
    "list_type": N_("should be a list: put each item on its own line starting with `- `"),
    "dict_type": N_("should be a group of `field: value` lines, indented under `{field}:`, e.g. `{example}: …`"),
    "langtext_type": N_("needs a text per language: write `{field}:` and below it an indented line per language, e.g. `{lang}: {example}`"),
    "literal_error": N_("`{value}` is not allowed here: use one of {expected}{did_you_mean}"),
    "too_short": N_("needs at least {min_length} item(s): write each on its own line starting with `- `"),
    "string_too_short": N_("must not be empty: write some text between the quotes, or remove the line if the field is optional"),
    "string_too_long": N_("is too long ({length} characters): shorten it to at most {max_length}"),
    "greater_than_equal": N_("`{value}` is too small: it must be at least {ge}"),
    "less_than_equal": N_("`{value}` is too large: it must be at most {le}"),
    "invalid_value": N_("is not valid: {detail}"),
    # values
    "id_format": N_("`{value}` is not a valid id: use lower-case ASCII letters, digits and hyphens, e.g. `{suggestion}`"),
    "id_not_file_name": N_("the id `{value}` must be the same as the file name: write `id: {expected}` or rename the file to `{value}.yml`"),
    "id_duplicate": N_("the id `{value}` is already used by {other}: choose another id (and file name)"),
    "date_format": N_("`{value}` is not a date: write it as YYYY-MM-DD, e.g. `2024-04-17`"),
    "date_not_real": N_("`{value}` is not a real date: check the day and the month"),
    "date_end_before_start": N_("the end date {end} is before the start date {start}: swap them or correct one"),
    "time_format": N_("`{value}` is not a time: write it as HH:MM in quotes, e.g. `\"09:30\"`"),
    "url_scheme": N_("`{value}` is not a web address: it must start with `https://` or `http://`"),
    "email_format": N_("`{value}` is not a valid e-mail address ({reason})"),
    "country_code": N_("`{value}` is not an ISO 3166-1 country code{country_hint}"),
    "country_upper": N_(": write it in capitals, `{suggestion}`"),
    "country_greece": N_(": `EL` is the EU's abbreviation for Greece, the ISO code is `GR`"),
    "country_list": N_(": use the two-letter code, e.g. `GR` for Greece, `PT` for Portugal"),
    "language_unknown": N_("`{key}` is not a language of this hub: use one of {known}"),
    "language_default_missing": N_("`{field}` has no text in the default language: add `{field}.{lang}`"),
    "alt_missing": N_("the photo has no alt text in the default language: add `{field}.{lang}`, a short description of what the photo shows"),
    "text_not_nfc": N_("the text near `{word}` is not in Unicode NFC form (accents stored as separate characters, often after copying from a PDF): retype that word"),
    "text_control_character": N_("the text holds an invisible control character ({code_point}): delete it and retype the text around it"),
    "text_unsafe_markup": N_("the text holds unsafe markup ({markup}): remove it; use Markdown for links and emphasis"),
    "file_absolute": N_("`{value}` is an absolute path: write the path relative to the data/ folder, e.g. `media/photo.jpg`"),
    "file_parent": N_("`{value}` points outside the data/ folder (`..`): put the file under data/media/ and write `media/…`"),
    "file_missing": N_("the file `{value}` does not exist: add it under data/ or correct the path"),
    "document_file_or_url": N_("a document needs either `file` or `url` (one of them, not both)"),
    "network_lead_count": N_("a network needs exactly one partner with `role: lead` (found {count})"),
    "network_partner_twice": N_("the partner `{partner}` is listed twice: keep one entry"),
    "hub_language_unknown": N_("`{value}` is not a known language code: use a two-letter code such as `en`, `el`, `fr`"),
    "hub_default_not_listed": N_("the default language `{lang}` must also be listed under `languages`"),
    "hub_repository_not_github": N_("`{value}` is not the address of a repository on GitHub: write it as `https://github.com/OWNER/REPO`, e.g. `{suggestion}`"),
    "hub_colour_format": N_("`{value}` is not a colour: write it as `#` and six hexadecimal digits, e.g. `#0b3a6e`"),
    "hub_colour_contrast": N_("white text on `{value}` has a contrast of {ratio}:1, under the {minimum}:1 that readers need: choose a darker colour"),
    "hub_logo_too_small": N_("the logo `{value}` is {height} pixels tall, under the {minimum} it needs to look sharp on phones: use a larger export of the logo, at least {minimum} pixels tall"),
    "hub_logo_too_wide": N_("the logo `{value}` is {width} × {height} pixels, more than {maximum} times as wide as tall: the hub's name beside it would not fit on a phone; use the compact (square) version of the logo (the name is written beside it anyway)"),
    "hub_branch_format": N_("`{value}` is not a branch name: write the branch the site is built from, e.g. `main`"),
    # across records
    "ref_unknown": N_("there is no {kind} `{value}` (no file data/{folder}/{value}.yml){did_you_mean}{known}"),
    "known_ids": N_(": known {kind}: {known}"),
    "ref_hidden": N_("the {kind} `{value}` is {state} ({file}): this public record names it, but the public site shows no link to it; publish it, or remove the reference"),
    "state_draft": N_("a draft"),
    "state_partners": N_("visible to partners only"),
    "ref_not_member": N_("`{value}` is not a partner of the network `{network}`: add it to data/networks/{network}.yml or correct the id"),
    "vocab_unknown": N_("`{value}` is not a term of the {vocabulary} vocabulary{did_you_mean}{known}"),
    "known_terms": N_(": use one of {known}, or add the term to data/vocabularies/{vocabulary}.yml"),
    "vocab_missing": N_("the vocabulary file data/vocabularies/{vocabulary}.yml is missing: restore it, or create it with one term per entry (`term-id:` and an indented `label:`)"),
    "prose_both": N_("the {field} in {lang} is written twice, here and in {md}: keep one of them"),
    "prose_orphan": N_("there is no record `{id}` for this text: name the file `<id>.<lang>.md` after a record in the same folder"),
    "prose_language": N_("`{lang}` in the file name is not a language of this hub: use one of {known}"),
    "prose_section_unknown": N_("`{section}` is not a section of a {kind}: use one of {known}"),
    "prose_section_missing": N_("the text before the first heading belongs to no section: start with a heading such as `## The problem {{#problem}}`"),
    "prose_section_twice": N_("the section `{section}` appears twice: keep one"),
    "prose_empty": N_("this file is empty: write the text in it, or delete the file"),
    "list_repeated": N_("`{value}` is listed twice in `{field}`: keep it once"),
    "part_of_cycle": N_("`part_of` leads back to this partner ({chain}): an organisation cannot be part of itself; correct one of the `part_of` ids"),
    "transferred_to_owner": N_("`{value}` runs this practice (it is one of its `owners`): `transferred_to` lists the other partners that adapted it; remove `{value}` here"),
    "hub_missing": N_("data/hub.yml is missing: create it with the hub's `name`, its `languages` and its `default_language`"),
    # --- trust boundary (issue 8): limits, invisible characters, addresses, settings ---
    "list_too_long": N_("has {length} items: at most {max_length} are allowed; keep the most important ones, or split the record"),
    "number_not_finite": N_("`{value}` is too large to be a number the site can show: write it in digits, e.g. `25000`"),
    "text_format_character": N_("the text holds an invisible formatting character ({character}), often pasted from a web page or a word processor: delete it and retype the text around it"),
    "text_markdown_nesting": N_("the text nests brackets, quotes, lists or emphasis more than {limit} levels deep here: simplify it"),
    "text_markdown_unclosed": N_("the text leaves `{char}` open {count} times (the first one here): close each one, or remove those that are not meant as Markdown or HTML; so many open ones would stall the site's build"),
    "url_control": N_("`{value}` holds a space or an invisible character ({character}): remove it (a space inside an address is written `%20`)"),
    "url_userinfo": N_("`{value}` has a name before `@`, which hides the site it really leads to, `{host}`: write the address without the part before `@`"),
    "url_host": N_("`{host}` in `{value}` is not a valid site name: check the address, e.g. `https://www.example.org/page`"),
    "country_alias": N_(": the ISO code is `{suggestion}`"),
    "timezone_unknown": N_("`{value}` is not a time zone: write an IANA name such as `Europe/Athens`{did_you_mean}"),
    "hub_language_twice": N_("`{value}` is listed twice in `languages`: keep it once"),
    "hub_name_default_missing": N_("the hub's `name` has no text in the default language: add `name.{lang}`"),
    "hub_name_language": N_("`{key}` is not one of the hub's `languages` ({known}): add it to `languages`, or remove this name"),
    "licence_unknown": N_("`{value}` is not an SPDX licence id: write one such as `CC-BY-4.0` (the list: https://spdx.org/licenses/){did_you_mean}"),
    # warnings
    "url_idn": N_("the address's site name `{host}` is an internationalised name, `{ascii}` in plain letters: check that it is the site you mean (letters of other alphabets can look like Latin ones)"),
    "text_mixed_script": N_("the word `{word}` mixes alphabets: `{char}` ({character}) is not a {script} letter, although it looks like one; retype the word in one alphabet{did_you_mean}"),
    # --- end of the trust-boundary block ---
    "page_translation_missing": N_("this page has no {language} ({lang}) translation yet: write it in {path} when there is one (until then the {default} text is shown)"),
    "vocabulary_translation_missing": N_("the term `{term}` has no {language} ({lang}) label yet: add `{lang}: …` under its `label:` (until then the {default} label is shown)"),
    "interface_translation_missing": N_("the interface has no {language} ({lang}) translation for {count} text(s) in {path}: translate them (the site's translations page lists them); until then they are shown in English"),
    "translation_missing": N_("no {language} ({lang}) text yet in {fields}: add the `{lang}:` text to each when there is a translation (until then the {default} text is shown)"),
    # --- media files (partnerhub.media): photos and documents, checked by content ------
    # (also file_absolute, file_parent and file_missing above; `value` is `media/…`)
    "media_path_invalid": N_("`{value}` is not a plain path: write it as `media/<file name>`, with forward slashes and without empty parts or `.`"),
    "file_not_media": N_("`{value}` is not in data/media/: put photos and documents in data/media/ and write `media/<file name>`"),
    "media_symlink": N_("`{value}` is a symbolic link (or lies in a linked folder): links are never published, put the file itself here"),
    "media_not_regular": N_("`{value}` is not an ordinary file (a folder, a named pipe, a socket or a device): put the photo or the document itself there"),
    "media_unreadable": N_("`{value}` cannot be read ({detail}): check that the file is complete and readable, then add it again"),
    "media_too_large": N_("`{value}` is {size} MB, more than the {limit} MB allowed: make it smaller (photos: about 2000 pixels wide are plenty)"),
    "media_empty": N_("`{value}` is empty: add the real file, or remove it"),
    "media_markup": N_("`{value}` is {format} markup, not a photo or a document: markup is never published; photos must be JPEG, PNG or WebP, documents PDF"),
    "media_image_format": N_("`{value}` is a {format} image, which the site does not publish: save it as JPEG (photos) or PNG (drawings, screenshots)"),
    "media_unknown_type": N_("`{value}` is not a JPEG, PNG or WebP photo nor a PDF document (its content was checked, not its name): export it in one of these formats"),
    "media_not_photo": N_("`{value}` is a {format} file, not a photo: photos must be JPEG, PNG or WebP (a PDF goes under `documents`)"),
    "media_not_document": N_("`{value}` is a {format} file, not a document: documents must be PDF (a photo goes under `photos`)"),
    "media_too_many_pixels": N_("`{value}` has {megapixels} million pixels, more than the {limit} million allowed: resize it to about 2000 pixels wide"),
    "media_animated": N_("`{value}` is an animated image: the site shows still photos only (moving images cannot be paused by readers), save one frame as JPEG or PNG"),
    "media_image_damaged": N_("`{value}` cannot be read as a {format} image (it is damaged or cut off): export it again from the original"),
    "media_trailing_data": N_("`{value}` has extra data after the end of the {format} image (something hidden in it, or the video of a motion photo): open it in an image editor and save it again"),
    "media_pdf_damaged": N_("`{value}` is not a complete PDF (its start or its end is missing): export the PDF again"),
    "media_pdf_active": N_("`{value}` is a PDF with active content (`/{feature}`: scripts, launched programs or attached files): export or print it again as a plain PDF"),
    "media_changed": N_("`{value}` changed while the site was being built: build again"),
    "media_name_clash": N_("`{value}` and `{other}` would be published under the same name: rename one of them"),
    "media_output_failed": N_("`{value}` could not be written into the site ({detail}): check that the output folder is writable and is not a link"),
}


# --- Records v2 (issue 9): dates as known, meetings, series, lineage, people, outputs,
# conflicting sources. Kept apart so that other work on the messages merges cleanly.
RECORDS_V2_MESSAGES = {
    # fields
    "partial_date_format": N_("`{value}` is not a date: write a day (`2024-04-17`), a month (`2024-04`) or a year (`2024`){also}"),
    "date_also_unknown": N_(", or `unknown` if no source gives it"),
    "date_also_ongoing": N_("; or `ongoing`, or `unknown` if no source gives it"),
    "language_code": N_("`{value}` is not a language code: write the two-letter ISO 639-1 code in lower case, e.g. `el`, `hr`, `it`"),
    "meeting_replaced_status": N_("`replaced_by` is for a meeting that was postponed or cancelled, and this one is `{status}`: set `status: cancelled` (or `postponed`), or remove `replaced_by`"),
    "meeting_replaced_by_itself": N_("a meeting cannot replace itself (`{value}`): name the meeting that took its place"),
    "meeting_session_outside": N_("the session on {value} is outside the meeting's dates ({start} to {end}): correct the session's date, or the meeting's `start` and `end`"),
    "person_role_where": N_("a role is held somewhere: add the `network:` or the `partner:` it is held in"),
    "output_file_and_url": N_("an output has either a `file` or a `url`, not both: keep one of them"),
    # across records
    "ref_not_member_any": N_("`{value}` is not a partner of any of the networks {networks}: add it to one of them, or correct the id"),
    "network_phase_unknown": N_("`{value}` is not a phase of this network: use one of {known}, or add the phase under `phases`"),
    "practice_adapted_from_itself": N_("a practice cannot be adapted from itself (`{value}`): name the practice it was adapted from"),
    "practice_lineage_cycle": N_("`adapted_from` leads back to this practice ({chain}): a practice cannot descend from itself; correct one of the `adapted_from` ids"),
    "network_follows_itself": N_("a network cannot follow itself (`{value}`): name the earlier network it continues"),
    "network_follows_cycle": N_("`follows` leads back to this network ({chain}): correct one of the `follows` ids"),
    "alternative_field_unknown": N_("`{value}` is not a field of a {kind}: name the field the other source disagrees on, e.g. `number` or `period.start`{did_you_mean}"),
    # warnings
    "series_number_twice": N_("number {number} is also given to `{other}` in the series of `{network}`: correct one of them (a postponed or cancelled meeting may share the number of its replacement)"),
    "series_number_order": N_("number {number} comes after number {other_number} (`{other}`) in the series of `{network}`, but its date {date} is before {other_date}: check the numbers and the dates"),
    "meeting_held_in_future": N_("the meeting is `held` but starts on {date}, after today: write `status: planned` until it has taken place"),
    "meeting_planned_in_past": N_("the meeting is still `planned` but ended by {date}, before today: write `status: held`, `postponed` or `cancelled`"),
    "meeting_outside_period": N_("the meeting ({date}) is outside the period of the network `{network}` ({period}): check the dates"),
    "practice_adaptation_without_source": N_("`adaptation` says what was changed from another practice, but `adapted_from` does not name it: add `adapted_from: <practice id>`"),
}
MESSAGES.update(RECORDS_V2_MESSAGES)

# --- Links that never break (issue 11): the ids a renamed record had.
MESSAGES.update({
    "former_id_live": N_("`{value}` is the id of a {kind} that exists now: its address cannot also lead here; remove it from `former_ids`"),
    "former_id_taken": N_("`{value}` is also a former id of `{other}`: one old address can lead to one record only; remove it from one of them"),
})
# Codes raised by the model's own checks (their parameters come from the check).
RECORDS_V2_MODEL_CODES = {"partial_date_format", "language_code", "meeting_replaced_status",
                          "meeting_replaced_by_itself", "person_role_where", "output_file_and_url"}
# Codes reported as warnings by the rules across records.
WARNING_CODES = {"series_number_twice", "series_number_order", "meeting_held_in_future", "meeting_planned_in_past",
                 "meeting_outside_period", "practice_adaptation_without_source"}

# libyaml's reasons for a syntax error it names, in plain words; others are shown as it says them
_YAML_REASONS = (
    ("did not find expected key", N_("a line that does not continue the fields above it")),
    ("did not find expected '-' indicator", N_("a list entry without its `-`")),
    ("could not find expected ':'", N_("a field name without its `:`")),
    ("mapping values are not allowed", N_("a `:` where no field can start")),
    ("found character that cannot start any token", N_("a character that cannot start a value")),
    ("expected <block end>", N_("a line indented differently from the fields around it")),
    ("found unexpected end of stream", N_("the file ends inside a value")),
    ("found undefined alias", N_("an `*alias` with no `&anchor` before it")),
)


def yaml_reason(problem: str):
    """libyaml's reason for a syntax error, as a translatable :class:`Word` when it is known."""
    for start, words in _YAML_REASONS:
        if problem.startswith(start):
            return Word(words)
    return problem


_SHOWN_VALUE = 80  # longer values are cut in messages
_SHOWN_PARAMS = ("value", "key", "word", "tag", "detail", "suggestion", "host")


@dataclass(frozen=True)
class Msg:
    """A message, or a part of one, by code: rendered when it is printed."""

    code: str
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def __str__(self) -> str:
        return render(self.code, self.params)


@dataclass(frozen=True)
class Word:
    """A translatable word inside a message (a gettext msgid), e.g. a record type's name."""

    msgid: str

    def __str__(self) -> str:
        return gettext_(self.msgid)


@dataclass(frozen=True)
class LanguageName:
    """A language's name in the output language: ``el`` is ``Greek``, ``grec`` in French."""

    code: str

    def __str__(self) -> str:
        from partnerhub.i18n import current_language, language_name

        return language_name(self.code, current_language())


def _invisible(char: str) -> bool:
    return ord(char) < 32 or 0x7F <= ord(char) < 0xA0 or unicodedata.category(char) == "Cf"


def shown(value) -> str:
    """A value as a message shows it: on one line, control characters made visible, cut if long."""
    text = str(value)
    text = text if len(text) <= _SHOWN_VALUE else text[:_SHOWN_VALUE - 1] + "…"  # first: a value may be long
    if any(_invisible(c) for c in text):  # a control or an invisible format character: as `\u200b`
        text = "".join(repr(c)[1:-1] if _invisible(c) else c for c in text)
    return text if len(text) <= _SHOWN_VALUE else text[:_SHOWN_VALUE - 1] + "…"


def render(code: str, params: dict) -> str:
    """The message for ``code`` in the current language, filled in with ``params``."""
    template = gettext_(MESSAGES[code])
    values = {name: shown(value) if name in _SHOWN_PARAMS else str(value) for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template
