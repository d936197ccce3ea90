"""The crawl of tests/test_html_validity.py, split from it: `crawler`, `states`, `special_pages`."""
