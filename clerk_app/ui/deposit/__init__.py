"""The deposit-instalment petition in the windows."""
