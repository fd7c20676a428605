"""Cleaning flattened pages: block kinds, tiling, the clean view's offset map, language."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from passage.clean import classify, clean, clean_view, detect_language
from passage.clean.rules import RuleSet, load_rules
from passage.model import Document, Provenance, RawDocument
from passage.spaces import double_spaces

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Invented pages, one line per block, written as a flattener would leave them.
ENGLISH = """\
Home
World
Politics
Business

Harbor City deports 40 migrants after week of raids

By Jane Doe, Harbor Gazette
Tuesday 04 May 2021 - 14:30
Share on Facebook
Tweet
WhatsApp

Harbor City deports 40 migrants after week of raids

Immigration officers in Harbor City deported 40 migrants on Monday, the interior ministry said, after a week of raids in the port district.

Officers raid a warehouse

Officers search a warehouse in the port district of Harbor City, May 3, 2021. (AP Photo/Jane Doe)

Officials said more flights were planned.

A new detention centre
The ministry said a new detention centre with 200 places would open in June.

Read also
Port strike enters second week
Ferry fares rise again

“We will not stop,” the minister said.
The opposition criticised the raids as heavy-handed and called for an inquiry.

Migrants wait at the harbor gate before boarding, May 4, 2021. (Omar Haddad/Getty Images)

Advertisement
Sign up for our free morning newsletter
We use cookies to improve your experience on our site.
Follow us on Twitter
Previous post Harbor festival draws record crowds
Next post Ferry fares rise again

Leave a Reply

Your email address will not be published. Required fields are marked *
"""

FRENCH = """\
Accueil
Monde
Politique

Le port de Marville expulse 30 migrants

Par Jeanne Martin
Publié le mardi 4 mai 2021 à 14h30
Partager sur Facebook

Les autorités de Marville ont expulsé 30 migrants lundi, a indiqué la préfecture, après une semaine de contrôles dans le port.

Des policiers fouillent un entrepôt du port de Marville, le 3 mai 2021. Jeanne Martin / AFP

À lire aussi
Grève au port : deuxième semaine
Les tarifs des ferries augmentent encore

La préfecture a annoncé de nouveaux contrôles pour la semaine prochaine, selon un communiqué.

Suivez-nous sur Facebook
Article précédent Le festival du port bat des records
Laisser un commentaire
Votre adresse e-mail ne sera pas publiée.
"""

SPANISH = """\
Inicio
Mundo
Política

El puerto de Marvila deporta a 25 migrantes

Por Lucía Gómez | Madrid
Martes, 4 de mayo de 2021 - 14:30
Compartir en WhatsApp

Las autoridades de Marvila deportaron a 25 migrantes el lunes, según la delegación del Gobierno, tras una semana de redadas en el puerto.

Foto: Agentes registran un almacén del puerto de Marvila, el 3 de mayo de 2021.

Lee también
Huelga en el puerto: segunda semana

La delegación anunció nuevos controles para la próxima semana, según un comunicado oficial.

Síguenos en Instagram
Entrada anterior El festival del puerto bate récords
Deja una respuesta
Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *
"""

# line -> (kind, reason); every other non-blank line must be body.
ENGLISH_EXPECTED = {
    "Home": ("dropped", "navigation"),
    "World": ("dropped", "menu"),
    "Politics": ("dropped", "menu"),
    "Business": ("dropped", "menu"),
    "By Jane Doe, Harbor Gazette": ("dropped", "byline"),
    "Tuesday 04 May 2021 - 14:30": ("dropped", "date_line"),
    "Share on Facebook": ("dropped", "share"),
    "Tweet": ("dropped", "share"),
    "WhatsApp": ("dropped", "share"),
    "Officers raid a warehouse": ("dropped", "photo_title"),
    "Officers search a warehouse in the port district of Harbor City, May 3, 2021. (AP Photo/Jane Doe)": (
        "caption",
        "credit",
    ),
    "Read also": ("dropped", "related"),
    "Port strike enters second week": ("dropped", "related"),
    "Ferry fares rise again": ("dropped", "related"),
    "Migrants wait at the harbor gate before boarding, May 4, 2021. (Omar Haddad/Getty Images)": (
        "caption",
        "credit",
    ),
    "Advertisement": ("dropped", "advertisement"),
    "Sign up for our free morning newsletter": ("dropped", "newsletter"),
    "We use cookies to improve your experience on our site.": ("dropped", "cookie"),
    "Follow us on Twitter": ("dropped", "follow"),
    "Previous post Harbor festival draws record crowds": ("dropped", "prev_next"),
    "Next post Ferry fares rise again": ("dropped", "prev_next"),
    "Leave a Reply": ("dropped", "comment_form"),
    "Your email address will not be published. Required fields are marked *": (
        "dropped",
        "comment_form",
    ),
}
FRENCH_EXPECTED = {
    "Accueil": ("dropped", "navigation"),
    "Monde": ("dropped", "menu"),
    "Politique": ("dropped", "menu"),
    "Par Jeanne Martin": ("dropped", "byline"),
    "Publié le mardi 4 mai 2021 à 14h30": ("dropped", "date_line"),
    "Partager sur Facebook": ("dropped", "share"),
    "Des policiers fouillent un entrepôt du port de Marville, le 3 mai 2021. Jeanne Martin / AFP": (
        "caption",
        "credit",
    ),
    "À lire aussi": ("dropped", "related"),
    "Grève au port : deuxième semaine": ("dropped", "related"),
    "Les tarifs des ferries augmentent encore": ("dropped", "related"),
    "Suivez-nous sur Facebook": ("dropped", "follow"),
    "Article précédent Le festival du port bat des records": ("dropped", "prev_next"),
    "Laisser un commentaire": ("dropped", "comment_form"),
    "Votre adresse e-mail ne sera pas publiée.": ("dropped", "comment_form"),
}
SPANISH_EXPECTED = {
    "Inicio": ("dropped", "navigation"),
    "Mundo": ("dropped", "menu"),
    "Política": ("dropped", "menu"),
    "Por Lucía Gómez | Madrid": ("dropped", "byline"),
    "Martes, 4 de mayo de 2021 - 14:30": ("dropped", "date_line"),
    "Compartir en WhatsApp": ("dropped", "share"),
    "Foto: Agentes registran un almacén del puerto de Marvila, el 3 de mayo de 2021.": (
        "caption",
        "label",
    ),
    "Lee también": ("dropped", "related"),
    "Huelga en el puerto: segunda semana": ("dropped", "related"),
    "Síguenos en Instagram": ("dropped", "follow"),
    "Entrada anterior El festival del puerto bate récords": ("dropped", "prev_next"),
    "Deja una respuesta": ("dropped", "comment_form"),
    "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *": (
        "dropped",
        "comment_form",
    ),
}


def _raw(text: str, **kwargs: object) -> RawDocument:
    return RawDocument(text=text, provenance=Provenance("test.txt"), format="text", **kwargs)


def _kinds(doc: Document) -> list[tuple[str, str, str | None]]:
    """(text, kind, reason) of every non-blank block, in order."""
    return [
        (doc.text[b.start : b.end], b.kind, b.reason) for b in doc.blocks if b.reason != "blank"
    ]


def assert_tiles(doc: Document) -> None:
    """Blocks cover the text in order with no gap or overlap; kept blocks are trimmed."""
    text = doc.text
    position = 0
    for block in doc.blocks:
        assert block.start == position
        assert block.end > block.start
        chunk = text[block.start : block.end]
        if block.reason == "blank":
            assert not chunk.strip()
        else:
            assert chunk == chunk.strip()
        position = block.end
    assert position == len(text)


def assert_exact_map(doc: Document, samples: int = 200) -> None:
    """The clean view maps back to the original exactly, block by block and offset by offset."""
    view = clean_view(doc)
    kept = doc.kept()
    assert view.text == "\n\n".join(doc.text[b.start : b.end] for b in kept)
    for segment, block in zip(view.segments, kept, strict=True):
        assert (
            view.text[segment.clean_start : segment.clean_end] == doc.text[block.start : block.end]
        )
        assert view.span_to_original(segment.clean_start, segment.clean_end).to_list() == [
            block.start,
            block.end,
        ]
    inside = [i for s in view.segments for i in range(s.clean_start, s.clean_end)]
    for i in random.Random(7).sample(inside, min(samples, len(inside))):
        original = view.to_original(i)
        assert doc.text[original] == view.text[i]
        assert view.to_clean(original) == i


@pytest.mark.parametrize(
    ("page", "expected", "language"),
    [
        (ENGLISH, ENGLISH_EXPECTED, "en"),
        (FRENCH, FRENCH_EXPECTED, "fr"),
        (SPANISH, SPANISH_EXPECTED, "es"),
    ],
    ids=["en", "fr", "es"],
)
def test_invented_pages(page: str, expected: dict, language: str) -> None:
    doc = clean(_raw(page))
    assert_tiles(doc)
    assert_exact_map(doc)
    seen = set()
    for text, kind, reason in _kinds(doc):
        if text in seen and (kind, reason) == ("dropped", "title_repeat"):
            continue
        seen.add(text)
        assert (kind, reason) == expected.get(text, ("body", None)), text
    assert doc.language == language


def test_the_first_headline_stays_and_its_repeat_is_dropped() -> None:
    doc = clean(_raw(ENGLISH))
    title = "Harbor City deports 40 migrants after week of raids"
    found = [(kind, reason) for text, kind, reason in _kinds(doc) if text == title]
    assert found == [("body", None), ("dropped", "title_repeat")]


def test_subheads_quotes_and_short_paragraphs_stay_body() -> None:
    page = (
        "Harbor City deports 40 migrants\n\n"
        "Officers deported 40 migrants on Monday after raids in the port district, officials said.\n\n"
        "Legal challenge\n\n"
        "Lawyers for the migrants said they would appeal the removals in court this week.\n\n"
        "“It was chaos.”\n\n"
        "By the time the flight landed in Tunis, 12 more people had been detained at the port.\n\n"
        "Read more about the raids in the port district in our earlier report on the crackdown.\n\n"
        "Related to the raids, officials said 40 people had been deported since Monday.\n\n"
        "The flights will continue.\n"
    )
    doc = clean(_raw(page))
    assert [kind for _, kind, _ in _kinds(doc)] == ["body"] * 9


def test_a_short_line_before_a_normal_paragraph_is_kept() -> None:
    page = (
        "Harbor City deports 40 migrants on Monday after a week of raids in the port\n\n"
        "Other officials were more critical of the deportations\n\n"
        "“This is a violation of the right to asylum,” one official said on Tuesday.\n"
    )
    kinds = _kinds(clean(_raw(page)))
    assert kinds[1] == ("Other officials were more critical of the deportations", "body", None)


def test_a_lead_photo_after_the_headline_keeps_the_headline() -> None:
    page = (
        "Harbor City deports 40 migrants\n\n"
        "Migrants board a bus at the harbor, May 4, 2021. (AP Photo/Jane Doe)\n\n"
        "Officers deported 40 migrants on Monday after raids in the port district, officials said.\n"
    )
    kinds = [(kind, reason) for _, kind, reason in _kinds(clean(_raw(page)))]
    assert kinds == [("body", None), ("caption", "credit"), ("body", None)]


def test_a_flattened_one_line_page_is_split_at_double_spaces() -> None:
    page = (
        "Harbor City deported 40 migrants on Monday, officials said.  "
        "CLICK HERE TO GET THE HARBOR GAZETTE APP  "
        "The raids continued on Tuesday in the port district, the ministry said.  "
        "FERRY FARES RISE AGAIN AS PORT STRIKE ENTERS SECOND WEEK  "
        "Migrants board a bus at the harbor on May 4, 2021. JANE DOE/AFP/Getty  "
        "Get Breaking News Delivered to Your Inbox  "
        "Officials said more flights were planned for later in the month. "
        "Harbor City deports 40 migrants"
    )
    doc = clean(_raw(page))
    assert_tiles(doc)
    assert_exact_map(doc)
    assert [(kind, reason) for _, kind, reason in _kinds(doc)] == [
        ("body", None),
        ("dropped", "promo"),
        ("body", None),
        ("dropped", "related"),
        ("caption", "credit"),
        ("dropped", "newsletter"),
        ("body", None),  # single spaces never split: the trailing title stays with it
    ]


def test_prayer_time_style_bullet_menu_at_the_top_is_dropped() -> None:
    page = (
        "Change city\n\n  • Fajr\n  • Dhuhr\n  • Asr\n\nFollow Us on Instagram\n\n"
        "Harbor City deports more than 40 migrants in a single charter flight\n\n"
        "Officers deported 40 migrants on Monday after raids in the port district, officials said.\n"
    )
    kinds = _kinds(clean(_raw(page)))
    assert [reason for _, _, reason in kinds[:5]] == ["menu", "menu", "menu", "menu", "follow"]
    assert [kind for _, kind, _ in kinds[5:]] == ["body", "body"]


def test_a_three_word_headline_beside_a_share_bar_stays() -> None:
    page = (
        "Share\nTweet\nEmail\nHarbor deports migrants\n\n"
        "Officers deported 40 migrants on Monday after raids in the port district, officials said.\n"
    )
    kinds = _kinds(clean(_raw(page)))
    assert kinds[3] == ("Harbor deports migrants", "body", None)
    assert [reason for _, _, reason in kinds[:3]] == ["share", "share", "share"]


def test_the_clean_view_joins_kept_blocks_and_marks_captions() -> None:
    doc = clean(_raw(ENGLISH))
    view = clean_view(doc)
    assert "Leave a Reply" not in view.text
    assert "Immigration officers in Harbor City deported 40 migrants" in view.text
    captions = [c.of(view.text) for c in view.captions]
    assert captions == [
        "Officers search a warehouse in the port district of Harbor City, May 3, 2021. (AP Photo/Jane Doe)",
        "Migrants wait at the harbor gate before boarding, May 4, 2021. (Omar Haddad/Getty Images)",
    ]


def test_spans_map_back_to_the_same_words() -> None:
    doc = clean(_raw(ENGLISH))
    view = clean_view(doc)
    for phrase in ("deported 40 migrants on Monday", "200 places", "(AP Photo/Jane Doe)"):
        start = view.text.index(phrase)
        span = view.span_to_original(start, start + len(phrase))
        assert span.of(doc.text) == phrase


def test_separators_map_to_block_edges() -> None:
    doc = clean(_raw("First paragraph here.\n\nHome\n\nSecond paragraph here.\n"))
    view = clean_view(doc)
    assert view.text == "First paragraph here.\n\nSecond paragraph here."
    first_end = len("First paragraph here.")
    second_start = doc.text.index("Second")
    assert view.to_original(first_end) == first_end  # a separator maps to the block end
    assert view.to_original(len(view.text)) == len(doc.text.rstrip())
    # A span that starts on a separator starts at the next block.
    span = view.span_to_original(first_end + 1, len(view.text))
    assert span.of(doc.text) == "Second paragraph here."
    assert span.start == second_start
    assert view.to_clean(doc.text.index("Home")) is None
    with pytest.raises(ValueError):
        view.to_original(len(view.text) + 1)


@pytest.mark.parametrize("text", ["", "   \n\n \t ", "word", "a\r\nb\r\n\r\nc"])
def test_degenerate_texts_tile(text: str) -> None:
    doc = clean(_raw(text))
    assert_tiles(doc)
    assert_exact_map(doc)
    assert doc.language is None


def test_given_language_wins_over_detection() -> None:
    assert clean(_raw(FRENCH, language="es")).language == "es"


def test_detect_language() -> None:
    assert detect_language("") is None
    assert detect_language("Short line.") is None
    assert (
        detect_language(
            "Las autoridades deportaron a veinticinco migrantes el lunes tras una semana de redadas."
        )
        == "es"
    )
    assert (
        detect_language(
            "Les autorités ont expulsé trente migrants lundi après une semaine de contrôles."
        )
        == "fr"
    )


def test_language_is_read_from_body_text_only() -> None:
    # A French page behind English clutter is French.
    page = "Share on Facebook\nTweet\nAdvertisement\n" + FRENCH
    assert clean(_raw(page)).language == "fr"


# --------------------------------------------------------------------------- real pages


def _seed(name: str) -> Document:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return clean(_raw(path.read_text(encoding="utf-8")))


def _kind_of_line(doc: Document, start_of_line: str) -> tuple[str, str | None]:
    matches = [(k, r) for text, k, r in _kinds(doc) if text.startswith(start_of_line)]
    assert matches, start_of_line
    return matches[0]


def test_seed_pakistan() -> None:
    doc = _seed("pakistan-expels-afghans-2023.txt")
    assert_tiles(doc)
    assert_exact_map(doc, samples=1000)
    for line in ("Previous post ", "Next post ", "Leave a Reply", "Your email address will not"):
        assert _kind_of_line(doc, line)[0] == "dropped", line
    captions = [t for t, k, _ in _kinds(doc) if k == "caption"]
    assert len(captions) == 3
    assert sum("(AP Photo/" in c for c in captions) == 2
    assert sum("Getty Images)" in c for c in captions) == 1
    assert _kind_of_line(doc, "Amid the push, there are estimates")[0] == "body"
    view = clean_view(doc)
    phrase = "between 8,000 and 10,000 Afghans"
    start = view.text.index(phrase)
    assert view.span_to_original(start, start + len(phrase)).of(doc.text) == phrase
    assert _kind_of_line(doc, "Pakistan launches crackdown")[0] == "body"  # the headline
    assert doc.language == "en"


def test_seed_chinese_migrants() -> None:
    doc = _seed("us-deports-chinese-migrants-2024.txt")
    assert_tiles(doc)
    assert_exact_map(doc, samples=1000)
    menu = [t for t, k, _ in _kinds(doc) if t.startswith("•")]
    assert len(menu) >= 5
    assert all(_kind_of_line(doc, item)[0] == "dropped" for item in menu)
    assert _kind_of_line(doc, "Follow Us on Facebook")[0] == "dropped"
    assert _kind_of_line(doc, "Lire aussi")[0] == "dropped"
    assert _kind_of_line(doc, "In a rare and significant move")[0] == "body"
    assert _kind_of_line(doc, "US Embarks on Rare Mass Deportation") == ("body", None)


# Dev reports are mostly clean article text: dropping much of one means over-dropping.
# Links to other stories (embedded tweets of the outlet's own headlines) are not
# article text, and two short dev reports carry two each, so they are counted apart.
MIN_KEPT_SHARE = 0.9
MIN_KEPT_SHARE_WITH_LINKS = 0.85
MIN_CHARS_FOR_SHARE = 1000


def _dev_paths() -> list[Path]:
    paths = sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/dev not present")
    return paths


def test_dev_corpus() -> None:
    for path in _dev_paths():
        text = path.read_text(encoding="utf-8")
        doc = clean(_raw(text))
        assert_tiles(doc)
        assert_exact_map(doc, samples=50)
        if len(text) > MIN_CHARS_FOR_SHARE:
            kept = sum(b.end - b.start for b in doc.kept())
            links = sum(b.end - b.start for b in doc.blocks if b.reason == "related")
            text_chars = sum(b.end - b.start for b in doc.blocks if b.reason != "blank")
            assert kept + links >= MIN_KEPT_SHARE * text_chars, path.name
            assert kept >= MIN_KEPT_SHARE_WITH_LINKS * text_chars, path.name
        assert doc.language == "en", path.name


def test_gold_evidence_survives_cleaning() -> None:
    """Every sentence the gold annotators took as evidence is in the clean text."""
    gold = SHARED / "gold"
    records = [
        json.loads(line)
        for name in ("dev.jsonl", "seeds.jsonl")
        if (gold / name).exists()
        for line in (gold / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        pytest.skip("../shared/gold not present")
    for record in records:
        path = gold / record["text_file"]
        if not path.exists():
            continue
        view = clean_view(clean(_raw(path.read_text(encoding="utf-8"))))
        for event in record["events"]:
            for evidence in event["evidence"]:
                assert evidence in view.text, (record["id"], evidence)


def test_double_spaces_are_the_runs_of_two_or_more_spaces() -> None:
    text = "a  b c   d    "
    assert list(double_spaces(text, 0, len(text))) == [(1, 3), (6, 9), (10, 14)]
    assert list(double_spaces(text, 7, 12)) == [(7, 9), (10, 12)]  # inside the range only
    assert list(double_spaces("a b", 0, 3)) == []


def _classified_block_by_block(text: str, monkeypatch: pytest.MonkeyPatch) -> list:
    """The blocks with each block's hints looked for in it alone (the regex path)."""
    with monkeypatch.context() as patched:
        patched.setattr(RuleSet, "hints_in", lambda self, text, spans: None)
        return classify(text)


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        FRENCH,
        SPANISH,
        # a hint across two blocks is in neither; the end of a long block is its tail
        "Police deported 40 people.\nShare\n\nthis story on Facebook. "
        + "Long text. " * 30
        + "(AP Photo/Jane Roe)\n\nRead more\nMigrants crossed",
        # letters beyond ASCII: offsets kept ("\u00e9", curly quotes), or not ("\u0130")
        "Caf\u00e9 \u201cShare\u201d \U0001f600\nShare this article\n\nPhoto: Reuters",
        "\u0130stanbul police said.\nShare this article\n\nPhoto: Reuters",
        "\u03a3\u039f\u03a3 migrants\nShare this article\n\n\u00a9 2024 Reuters",
    ],
)
def test_hints_found_in_one_pass_classify_as_block_by_block(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert classify(text) == _classified_block_by_block(text, monkeypatch)


def test_hints_found_in_one_pass_on_the_gold_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in _dev_paths():
        text = path.read_text(encoding="utf-8")
        assert classify(text) == _classified_block_by_block(text, monkeypatch), path.name


def test_hints_in_gives_each_span_its_hints_and_where_they_last_start() -> None:
    rules = load_rules()
    text = "Newsletter: our newsletter\n\nA caption (AP Photo)"
    spans = [(0, 26), (28, len(text))]
    found = rules.hints_in(text, spans)
    assert found is not None
    first, second = found
    assert first.get("newsletter") == 16  # the later of its two starts, from the span's start
    assert second.get("(ap)") is None and second.get("photo") == 14
    assert "newsletter" not in second and "photo" not in first
    assert rules.hints_in("\u0130stanbul", [(0, 8)]) is None  # lowercasing adds a character
