x = a ** not b
