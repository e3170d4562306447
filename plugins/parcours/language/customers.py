"""The organisation's word for the people it serves, put in every sentence that names them.

A bank has « clients », a mutual insurer « adhérents », a public service
« usagers », a telecom operator « abonnés ». The translation tables write
`{customer}` and `{customers}` (`{Customer}`, `{Customers}` at the start of
a sentence) wherever the site names them; the site's word replaces them
once, when a table is read. French elides before a vowel: « de {customers} »
becomes « d'adhérents », « le {customer} » « l'usager », « du {customer} »
« de l'abonné ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: An article or preposition just before a placeholder, which French may elide.
_PLACEHOLDER = re.compile(r"(?P<before>\b(?:[Dd]e|[Dd]u|[Ll]e|[Ll]a|[Qq]ue|[Aa]u|[Jj]e) )?\{(?P<name>[Cc]ustomers?)\}")
_VOWELS = "aeiouyhàâäéèêëîïôöùûüœæ"
_ELIDED = {"de": "d'", "le": "l'", "la": "l'", "que": "qu'", "je": "j'", "du": "de l'", "au": "à l'"}


@dataclass(frozen=True)
class CustomerWords:
    """The singular and plural a site uses for its customers (« adhérent », « adhérents »)."""

    one: str
    many: str

    def put_in(self, text: str, language: str) -> str:
        """`text` with its placeholders replaced by the words, elided where French wants it."""
        if "{" not in text:
            return text

        def replace(match: re.Match[str]) -> str:
            name = match.group("name")
            word = self.many if name.lower().endswith("s") else self.one
            if name[0].isupper():
                word = word[:1].upper() + word[1:]
            before = match.group("before") or ""
            article = before.strip()
            if language == "fr" and article and word[:1].lower() in _VOWELS:
                elided = _ELIDED[article.lower()]
                if article[0].isupper():
                    elided = elided[:1].upper() + elided[1:]
                return elided + word
            return before + word

        return _PLACEHOLDER.sub(replace, text)

    def put_in_tree(self, node: Any, language: str) -> Any:
        """Every string of a translation table, with the words in place."""
        if isinstance(node, str):
            return self.put_in(node, language)
        if isinstance(node, dict):
            return {key: self.put_in_tree(value, language) for key, value in node.items()}
        if isinstance(node, list):
            return [self.put_in_tree(value, language) for value in node]
        return node


def singular_of(plural: str) -> str:
    """The singular a site most likely means (« abonnés » → « abonné », « bureaux » → « bureau »)."""
    words = plural.split(" ")
    # « clients particuliers » → « client particulier »: each word loses its mark.
    return " ".join(word[:-1] if len(word) > 2 and word[-1] in "sx" and word[-2] not in "sx" else word for word in words)


_WORDS = {
    "fr": ((r"\bClients\b", "{Customers}"), (r"\bClient\b", "{Customer}"), (r"\bclients\b", "{customers}"), (r"\bclient\b", "{customer}")),
    "en": (
        (r"\bCustomers\b", "{Customers}"), (r"\bCustomer\b", "{Customer}"), (r"\bcustomers\b", "{customers}"), (r"\bcustomer\b", "{customer}"),
    ),
}


def with_customer_placeholders(text: str, language: str) -> str:
    """Text the model writes in plain words (« Ce que fait le client. »), made ready for the site's word.

    The fields' descriptions say « client » once, for every site; a site
    that names its customers otherwise reads its own word in its schemas
    and reference page. (`customer`, an identifier in backquotes, stays.)
    """
    for pattern, placeholder in _WORDS.get(language, ()):
        text = re.sub(r"(?<!`)" + pattern + r"(?![`-])", placeholder, text)
    return text
