from huitoukan.cli import main

# The guard matters on Windows: worker processes for parallel reading import the
# parent's __main__ module, which must not run the command line again.
if __name__ == "__main__":
    main()
