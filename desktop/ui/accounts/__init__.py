"""The account list: a SQL-paged table model, its filters and the view around them."""
