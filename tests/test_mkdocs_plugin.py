"""What the MkDocs adapter adds around the pages: navigation, edit links, reloads."""

from __future__ import annotations

from conftest import mkdocs_build


def test_a_kind_index_in_nav_becomes_a_section_of_its_pages(site):
    site.replace(
        "mkdocs.yml",
        "plugins:",
        "nav:\n  - Accueil: index.md\n  - Parcours: journeys/index.md\n  - Personas: personas/index.md\nplugins:",
    )
    site.replace("mkdocs.yml", "  font: false\n", "  font: false\n  features: [navigation.footer]\n")
    result = site.build(strict=False)
    assert result.ok, result.log
    html = result.html("journeys/")
    assert 'href="remboursement/"' in html
    assert "Je me fais rembourser mes soins" in html
    persona = result.html("personas/fanny/")
    # "previous/next" footer links walk through the section's pages.
    assert 'class="md-footer__link md-footer__link--prev"' in persona


def test_edit_link_of_a_generated_page_opens_its_source(site):
    site.replace(
        "mkdocs.yml",
        "theme:",
        "repo_url: https://git.intranet.example/cx/parcours\nedit_uri: edit/main/docs/\ntheme:",
    )
    site.replace("mkdocs.yml", "  font: false\n", "  font: false\n  features: [content.action.edit]\n")
    result = site.build()
    assert result.ok, result.log
    html = result.html("journeys/remboursement/")
    assert 'href="https://git.intranet.example/cx/parcours/edit/main/journeys/remboursement.yml"' in html
    home = result.html("")
    assert 'href="https://git.intranet.example/cx/parcours/edit/main/docs/index.md"' in home


def test_serve_watches_the_source_folders(site):
    from mkdocs.config import load_config

    config = load_config(str(site.root / "mkdocs.yml"))
    plugin = config.plugins["parcours"]
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=None)
    assert sorted(path.rsplit("/", 1)[-1] for path in server.watched) == ["benchmarks", "journeys", "personas", "solutions"]


def test_a_page_of_the_author_cannot_be_silently_replaced(site):
    site.write("docs/journeys/index.md", "# Mes parcours\n")
    result = site.build(strict=False)
    assert not result.ok
    assert any("docs/journeys/index.md" in line and "renommez-la" in line for line in result.log)


def test_a_kind_with_many_sheets_keeps_only_its_index_in_the_navigation(site):
    site.replace("mkdocs.yml", "plugins:", "nav:\n  - Accueil: index.md\n  - Parcours: journeys/index.md\nplugins:")
    site.replace("mkdocs.yml", "  - parcours\n", "  - parcours:\n      nav_max_pages: 0\n")
    result = site.build(strict=False)
    assert result.ok, result.log
    html = result.html("journeys/")
    assert 'href="remboursement/"' in html  # the index page's cards still list it
    assert 'class="md-nav__link" href="remboursement/"' not in html.replace("\n", " ")
