"""Infrastructure of every service: context, errors, the unit of work, numbering."""
