"""HTTP only: each view parses input with a form, calls a service, turns a CourseError into
a message and redirects. Public pages live in `public`, Mine kurser in `mine`, the
organiser tools in the `organiser` package."""
