"""``begriffe serve``: a local web page to check drafts and browse the glossary."""
