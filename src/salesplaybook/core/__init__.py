"""The vocabulary every layer shares: errors with locations, languages, periods, exact
apportioning and the policy for writing files. Nothing here imports pandas or any other layer."""
