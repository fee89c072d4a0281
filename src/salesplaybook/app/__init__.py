"""``salesplaybook app``: the self-assessment and the supervisor tools as a local web
application, served by Voilà (an adapter, like the command line).

The page is one notebook shipped here (``salesplaybook-app.ipynb``) whose only cell shows
:func:`salesplaybook.views.app_page.app_page`; Voilà runs it in a kernel per visitor and shows
its widgets, never its code. The template ``salesplaybook`` (``share/voila/templates``) is
Voilà's own lab template without the stylesheets it would fetch from a CDN.
"""
