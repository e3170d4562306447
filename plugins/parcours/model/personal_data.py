"""Customers' personal data must not reach the intranet through verbatims.

A speaker is shown pseudonymised: a first name and an initial ("Camille A.").
A full surname, an e-mail address or a phone number, in a speaker or in the
words of a verbatim, is an error: the analyst removes it before publishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zà-öø-ÿ"
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*"

#: "Camille A.", "Jean-Pierre M.", "Marie Claire D."
PSEUDONYM = re.compile(rf"^{_NAME}(?: {_NAME})? [{_UPPER}]\.$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: French numbers (06 12 34 56 78, +33 6 12 34 56 78) and other international ones.
PHONE = re.compile(r"(?<![\d])(?:(?:\+|00)\d{2,3}[\s.-]?(?:\(0\)[\s.-]?)?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?![\d])")
#: "Mme Durand", "monsieur Martin", "le Dr Leroy", "Mme GARNIER": a civility before a surname.
CIVILITY = re.compile(
    rf"\b(?:M\.|Mr|Mme|Mlle|Madame|Monsieur|Mademoiselle|Docteur|Dr|Maître|Me)\s+"
    rf"((?:[{_UPPER}][{_LOWER}]+|[{_UPPER}]{{2,}})(?:-[{_UPPER}](?:[{_LOWER}]+|[{_UPPER}]+))?)\b"
)
#: Words after which a first name and a surname are a place, not a person: "rue Victor Hugo".
_PLACES = re.compile(r"\b(?:rue|avenue|boulevard|bd|place|allée|quai|impasse|chemin|square|cours|lycée|collège|école|hôpital|clinique|centre|stade|pont)\s+$", re.I)

#: Frequent French first names: one followed by a capitalised word is a full name.
FIRST_NAMES = frozenset(
    """
    adam adèle agnès alain albert alexandre alexis alice aline amandine amélie anaïs andré anne annie antoine arnaud
    arthur audrey aurélie axel baptiste benjamin benoît bernard bertrand brigitte bruno camille caroline catherine
    cécile céline charles charlotte chantal christian christine christophe claire claude clément clémence coralie
    corinne damien daniel david delphine denis didier dominique dylan éric élodie émilie emma emmanuel enzo estelle
    étienne eva fabien fabrice fanny florence florian franck françois françoise frédéric gabriel gaël gérard gilles
    guillaume hélène henri hugo inès isabelle jacqueline jacques jade jean jeanne jérémy jérôme joël jonathan joseph
    julie julien juliette justine karim kevin laetitia laura laurence laurent léa léo léon lina lisa louis louise luc
    lucas lucie manon marc marcel margaux marie marine marion martine mathieu mathilde maxime mélanie michel michèle
    mickaël monique nadia natacha nathalie nicolas noah noémie olivier pascal pascale patrice patricia patrick paul
    pauline philippe pierre quentin raphaël rémi renée richard robert romain rose sabrina samuel sandrine sarah
    chloé océane laurine léna lola clara ambre louna maëlle mélissa morgane élise gaëlle solène jessica jennifer
    cyril loïc kévin thibault thibaut aurélien grégory jordan anthony mathis nathan ethan tom timothée william
    mohamed karima fatima yasmine sofiane mehdi rachid samira leïla
    sébastien sophie stéphane stéphanie suzanne sylvain sylvie théo thierry thomas tristan valérie vanessa véronique
    victor vincent virginie yann yannick yves zoé
    """.split()
)
#: A lookahead, so that overlapping pairs are all seen: in "Merci Sophie Martin",
#: "Merci Sophie" must not hide "Sophie Martin".
_FULL_NAME = re.compile(rf"\b(?=({_NAME})\s+([{_UPPER}][{_LOWER}]{{2,}}|[{_UPPER}]{{3,}})\b)")


@dataclass(frozen=True)
class Finding:
    """Personal data found in a text: which kind, and the words themselves."""

    code: str
    value: str
    suggestion: str | None = None


def speaker_finding(speaker: str) -> Finding | None:
    """Whether a speaker is written other than as "first name + initial"."""
    speaker = speaker.strip()
    if PSEUDONYM.match(speaker):
        return None
    for finding in text_findings(speaker):
        return finding
    words = speaker.replace(".", " ").split()
    suggestion = None
    if len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper():
        suggestion = f"{words[0]} {words[-1][0].upper()}."
    return Finding("speaker_not_pseudonymised", speaker, suggestion)


def text_findings(text: str) -> list[Finding]:
    """E-mail addresses, phone numbers and full names in a customer's words."""
    findings = [Finding("personal_email", match.group(0)) for match in EMAIL.finditer(text)]
    findings += [Finding("personal_phone", match.group(0).strip()) for match in PHONE.finditer(text)]
    findings += [Finding("personal_name", match.group(0)) for match in CIVILITY.finditer(text)]
    for match in _FULL_NAME.finditer(text):
        first = match.group(1).split("-")[0].lower()
        if first in FIRST_NAMES and not _PLACES.search(text[: match.start()]):
            findings.append(Finding("personal_name", f"{match.group(1)} {match.group(2)}", f"{match.group(1)} {match.group(2)[0]}."))
    return findings


def line_findings(text: str) -> list[tuple[int, int, Finding]]:
    """Findings in a file's text, each with its line and column (from 1), for files that are not YAML (captions)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for finding in text_findings(line):
            found.append((number, line.find(finding.value) + 1, finding))
    return found
