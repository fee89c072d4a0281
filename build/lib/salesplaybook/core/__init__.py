"""The vocabulary every layer shares: errors with locations, languages and the book's editions,
periods, exact apportioning, anchors of playbook items, did-you-mean suggestions and the policy
for writing files. Nothing here imports pandas or any other layer."""
