"""Pages of victim protection: the agency's referral inbox and overdue list, each victim's
protection file on a case, the forms that call one service each, and the provider directory."""
