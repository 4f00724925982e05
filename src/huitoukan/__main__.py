from huitoukan.cli import main

main()
