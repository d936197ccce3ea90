from django.core.paginator import Paginator
from django.shortcuts import render

from cms.forms import SearchForm
from cms.search import hits, search_one_group, search_site, search_terms, suggested_topics

RESULTS_PER_PAGE = 20


def search(request):
    """/soeg/?q=…: grouped results; with &type=… one type, paged."""
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form, "query": ""}
    if not form.is_bound:
        return render(request, "cms/search.html", context)
    if not form.is_valid():
        return render(request, "cms/search.html", context, status=400)

    query = form.cleaned_data["q"]
    only = form.cleaned_data["type"]
    context["query"] = query
    if only:
        group, results = search_one_group(query, only)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("side"))
        context.update(
            only=only,
            only_label=group.label,
            page_obj=page,
            results=hits(page.object_list, request, search_terms(query), group),
            total=page.paginator.count,
        )
    else:
        groups = search_site(query, request)
        context.update(groups=groups, total=sum(group.total for group in groups))
    if not context["total"]:
        context["suggested_topics"] = suggested_topics(request)
    return render(request, "cms/search.html", context)
