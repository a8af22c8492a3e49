import VanguardWeb
print("x")
