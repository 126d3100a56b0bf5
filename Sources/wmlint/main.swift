print("wmlint")
